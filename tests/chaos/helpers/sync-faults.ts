import { afterAll, beforeAll, expect } from "vitest";
import { topicQueryParams } from "../../../lib/ctgov/topic";
import { CtgovClient } from "../../../lib/ctgov/service";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import type { SyncMode } from "../../../lib/sync/lock";
import type { RunOutcome } from "../../../lib/sync/run";
import { startSync } from "../../../lib/sync/start";
import type { Faults } from "../../ctgov-standin/faults";
import { type Standin, startStandin } from "../../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "../../integration/helpers/db";
import { type Dump, normalisedDump } from "./dump";

/**
 * Shared by the fault suites (tests/chaos/sync-faults, tests/integration/reliability): a client
 * that records every HTTP exchange it makes, a sync that can switch faults on part-way through,
 * the invariants a run must leave behind, and a stand-in whose topic result fills its pages exactly
 * (the only shape in which the exact-full-last-page quirk can fire).
 */

export type Exchange = { startedAt: number; endedAt: number; status: number | "network-error"; retryAfter: string | null };

/** A stand-in client whose retries outlast the faults the suites switch on; `exchanges` lists what went over the wire. */
export function recordingClient(baseUrl: string, opts: { timeoutMs?: number; maxRetries?: number; maxRetryAfterMs?: number } = {}) {
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const startedAt = Date.now();
    try {
      const res = await fetch(input, init);
      exchanges.push({ startedAt, endedAt: Date.now(), status: res.status, retryAfter: res.headers.get("retry-after") });
      return res;
    } catch (err) {
      exchanges.push({ startedAt, endedAt: Date.now(), status: "network-error", retryAfter: null });
      throw err;
    }
  };
  const client = new CtgovClient({
    baseUrl,
    rateLimitPerMin: 60_000,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    maxRetries: opts.maxRetries ?? 20,
    timeoutMs: opts.timeoutMs ?? 5_000,
    maxRetryAfterMs: opts.maxRetryAfterMs,
    fetch: recordingFetch,
  });
  return { client, exchanges };
}

/**
 * Requests sent too soon after a 429: the client must wait at least Retry-After before asking again
 * (requests go one at a time, so "again" is the next exchange). 50 ms of slack for timer rounding.
 */
export function retryAfterViolations(exchanges: Exchange[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < exchanges.length; i++) {
    const e = exchanges[i]!;
    if (e.status !== 429 || e.retryAfter === null) continue;
    const waited = exchanges[i + 1]!.startedAt - e.endedAt;
    if (waited < Number(e.retryAfter) * 1000 - 50) out.push(`exchange ${i}: asked again ${waited} ms after a 429 with Retry-After ${e.retryAfter}`);
  }
  return out;
}

/** A sync run to its end, with `atPage` called after each committed page (to switch faults on mid-run). */
export async function syncWith(opts: {
  prisma: PrismaClient;
  client: CtgovClient;
  mode: SyncMode;
  pageSize: number;
  atPage?: (pagesDone: number) => void;
}): Promise<RunOutcome> {
  const started = await startSync({
    prisma: opts.prisma,
    mode: opts.mode,
    trigger: "cli",
    client: opts.client,
    pageSize: opts.pageSize,
    onProgress: (p) => opts.atPage?.(p.pagesDone),
  });
  if (!started.ok) throw new Error(`a run is in progress: ${started.runningRunId}`);
  return started.done;
}

/**
 * What a committed page can betray: a trial without its search row (or the reverse), and counters
 * that disagree with the rows. Every page moves its run's counters in the same transaction as its
 * rows, and trials are never removed in these suites, so the trials stored must be exactly the sum of
 * every run's `inserted`.
 */
export async function ledgerProblems(prisma: PrismaClient): Promise<string[]> {
  const [row] = await prisma.$queryRawUnsafe<{ trials: number; searchable: number; inserted: number; running: number }[]>(`
    SELECT (SELECT count(*)::int FROM trial) AS trials,
           (SELECT count(*)::int FROM trial_search) AS searchable,
           (SELECT COALESCE(sum(inserted), 0)::int FROM sync_run) AS inserted,
           (SELECT count(*)::int FROM sync_run WHERE status = 'running') AS running`);
  const problems: string[] = [];
  if (row!.trials !== row!.searchable) problems.push(`${row!.trials} trials but ${row!.searchable} trial_search rows`);
  if (row!.trials !== row!.inserted) problems.push(`${row!.trials} trials but the runs counted ${row!.inserted} inserted`);
  if (row!.running > 1) problems.push(`${row!.running} runs marked running`);
  return problems;
}

/**
 * Faults of every kind at once. About 45% of requests fail, so the default 20 retries give up on a
 * request once in ~20 million: the run must ride it out. Timeouts need the client's timeoutMs below
 * `latencySpikeMs`.
 */
export function mixedFaults(timeoutMs: number, seed: number): Partial<Faults> {
  return {
    seed,
    failRate: 0.15,
    resetRate: 0.15,
    truncateRate: 0.15,
    latencySpikeRate: 0.1,
    latencySpikeMs: timeoutMs * 2,
    rateLimitMax: 12,
    rateLimitWindowMs: 1_000,
    retryAfterSeconds: 1,
    exactFullLastPageQuirk: true,
  };
}

/** Which faults fired, from the stand-in's counters, for assertions that they were really exercised. */
export const faultKinds = ["failed", "rateLimited", "reset", "truncated", "spikes", "quirkTokens"] as const;

/**
 * A stand-in whose topic query selects a multiple of `pageSize` studies (the real records plus about
 * `syntheticAtLeast` synthetic ones), so a full sync's last page is exactly full.
 */
async function startExactPagesStandin(pageSize: number, syntheticAtLeast: number) {
  let synthetic = syntheticAtLeast;
  for (let attempt = 0; attempt < 2; attempt++) {
    const standin = await startStandin({ port: 0, synthetic });
    const total = standin.studyIds(topicQueryParams()).length;
    if (total % pageSize === 0) return { standin, total };
    await standin.close();
    // Synthetic studies are copies of topic records, so each one adds exactly one to the total.
    synthetic += pageSize - (total % pageSize);
  }
  throw new Error(`could not make the topic total a multiple of ${pageSize}`);
}

/**
 * The fault suites' fixture: a stand-in that fills its pages exactly, a reference database holding a
 * clean full sync and its dump, and fresh databases on demand, all removed after the file's tests.
 * Fields are filled in beforeAll.
 */
export type FaultReference = {
  standin: Standin;
  total: number;
  reference: TestDatabase;
  referenceDump: Dump;
  freshDatabase(): Promise<TestDatabase>;
};

export function faultReferenceFixture(pageSize: number, syntheticAtLeast: number): FaultReference {
  const databases: TestDatabase[] = [];
  const ref = {
    async freshDatabase() {
      const database = await createTestDatabase();
      databases.push(database);
      return database;
    },
  } as FaultReference;
  beforeAll(async () => {
    Object.assign(ref, await startExactPagesStandin(pageSize, syntheticAtLeast));
    ref.reference = await ref.freshDatabase();
    const started = Date.now();
    const clean = await syncWith({ prisma: ref.reference.prisma, client: recordingClient(ref.standin.url).client, mode: "full", pageSize });
    expect(clean.status).toBe("succeeded");
    ref.referenceDump = await normalisedDump(ref.reference.url);
    expect(ref.referenceDump.counts.trial).toBe(ref.total);
    console.log(`reference: ${ref.total} trials in ${ref.total / pageSize} pages, clean full sync ${Date.now() - started} ms`);
  });
  afterAll(async () => {
    await ref.standin?.close();
    for (const d of databases) await d.drop().catch(() => {});
  });
  return ref;
}
