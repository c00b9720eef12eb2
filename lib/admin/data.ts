import { digestCountsByRun, NO_DIGESTS } from "../alerts/data";
import { changeCountsByRun } from "../changes/data";
import { isDatabaseDown } from "../db/health";
import { env } from "../env";
import type { PrismaClient } from "../generated/prisma/client";
import { abandonStaleRuns, HEARTBEAT_TTL_MS } from "../sync/lock";
import { getRun, invalidRecordsOf, lastSuccessfulRun, listRuns, runningRun, trialCounts } from "../sync/data";
import { nextRunsFor } from "../sync/scheduler";
import { runTiming } from "./progress";
import type { Dashboard, HistoryRunView, InvalidRecordView, RunView } from "./schema";
import { credentialFingerprint, fingerprintsEqual, hashSessionToken, type SessionKeyMaterial, type SessionPayload } from "./session";

type RunRow = NonNullable<Awaited<ReturnType<typeof getRun>>>;

export function runView(r: RunRow, now = Date.now()): RunView {
  return {
    runId: r.id,
    mode: r.mode,
    trigger: r.trigger,
    status: r.status as RunView["status"],
    counts: { fetched: r.fetched, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, removed: r.removed, restored: r.restored, invalid: r.invalid },
    pagesDone: r.pagesDone,
    pagesExpected: r.pagesExpected,
    totalExpected: r.totalExpected,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    heartbeatAt: r.heartbeatAt.toISOString(),
    heartbeatStale: r.status === "running" && now - r.heartbeatAt.getTime() > HEARTBEAT_TTL_MS,
    ...runTiming(r, now),
    dataTimestamp: r.dataTimestamp,
    error: r.error,
  };
}

export async function runById(prisma: PrismaClient, runId: number): Promise<RunView | null> {
  const r = await getRun(prisma, runId);
  return r ? runView(r) : null;
}

/** The records of run `runId` that failed validation; null when there is no such run. */
export async function invalidRecordsView(prisma: PrismaClient, runId: number): Promise<{ runId: number; records: InvalidRecordView[] } | null> {
  if (!(await getRun(prisma, runId))) return null;
  const rows = await invalidRecordsOf(prisma, runId);
  return { runId, records: rows.map((r) => ({ id: r.id, nctId: r.nctId, error: r.error, createdAt: r.createdAt.toISOString(), raw: r.raw })) };
}

/** The run history's rows: each run with the changes it recorded and the digests it queued. */
export async function runHistory(prisma: PrismaClient, take = 25, now = Date.now()): Promise<HistoryRunView[]> {
  const runs = await listRuns(prisma, take);
  const ids = runs.map((r) => r.id);
  const [changes, digests] = await Promise.all([changeCountsByRun(prisma, ids), digestCountsByRun(prisma, ids)]);
  return runs.map((r) => ({ ...runView(r, now), changes: changes.get(r.id) ?? 0, digests: digests.get(r.id) ?? { ...NO_DIGESTS } }));
}

function nextRuns(): Dashboard["nextRuns"] {
  const e = env();
  const next = nextRunsFor(e.SYNC_CRON, e.SYNC_FULL_CRON);
  return { incremental: next.incremental?.toISOString() ?? null, full: next.full?.toISOString() ?? null };
}

/** Everything the admin dashboard shows; a database that is down is reported, not thrown. */
export async function dashboard(prisma: PrismaClient): Promise<Dashboard> {
  try {
    // A run whose process died shows as abandoned as soon as anyone looks, not when the next sync starts.
    await abandonStaleRuns(prisma);
    const [{ active, removed, invalid: invalidRecords }, last, running, history] = await Promise.all([
      trialCounts(prisma),
      lastSuccessfulRun(prisma),
      runningRun(prisma),
      runHistory(prisma, 25),
    ]);
    return {
      db: "ok",
      trials: { active, removed, invalidRecords },
      lastSuccessfulSync: last ? { runId: last.id, finishedAt: last.finishedAt?.toISOString() ?? null, dataTimestamp: last.dataTimestamp } : null,
      nextRuns: nextRuns(),
      running: running ? runView(running) : null,
      history,
    };
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
    return { db: "down", trials: null, lastSuccessfulSync: null, nextRuns: nextRuns(), running: null, history: [] };
  }
}

/**
 * The live session a cookie token names, or null: unknown, expired, or opened under other credentials
 * (such a row is deleted on sight). Throws when the database cannot be reached; the caller answers 503
 * rather than guess either way.
 */
export async function findSession(prisma: PrismaClient, k: SessionKeyMaterial, token: string, now = Date.now()): Promise<SessionPayload | null> {
  const row = await prisma.adminSession.findUnique({ where: { tokenHash: hashSessionToken(token) } });
  if (!row) return null;
  if (!fingerprintsEqual(row.credentialFingerprint, credentialFingerprint(k))) {
    await prisma.adminSession.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (row.expiresAt.getTime() <= now) return null;
  return { sid: row.id, iat: Math.floor(row.createdAt.getTime() / 1000), exp: Math.floor(row.expiresAt.getTime() / 1000) };
}
