import { readlinkSync } from "node:fs";
import os from "node:os";
import { isProcessAlive } from "../process-alive";
import type { PrismaClient } from "../generated/prisma/client";
import { lockRunningRuns, runningRun, type RunningRow } from "./data";
import { insertRunningRun, markRunAbandoned } from "./mutations";

/**
 * One sync at a time across every process, on real Postgres and on embedded PGlite alike.
 *
 * The lock is the sync_run row whose status is 'running': a partial unique index allows at most one.
 * Claiming it happens in one transaction under a transaction-scoped advisory lock, so two claimers
 * serialise on real Postgres; on PGlite (one shared session, where session advisory locks do not
 * exclude anything) transactions are serialised by the engine and the unique index still decides.
 * A holder proves it is alive with a heartbeat; a run whose heartbeat is stale, or whose process is
 * gone from this host, is marked 'abandoned' by the next claimer (docs/decisions/003-sync-lock.md).
 * This module holds the policy; the statements on sync_run are in lib/sync/data.ts and mutations.ts.
 */

export const HEARTBEAT_INTERVAL_MS = 10_000;
export const HEARTBEAT_TTL_MS = 90_000;
const CLAIM_LOCK_KEY = 727_001; // any constant shared by all claimers
const HELD = Symbol.for("disc-trial-finder.sync.runs-held-here");

export type SyncMode = "incremental" | "full";
export type SyncTrigger = "schedule" | "admin" | "cli" | "seed";

export type ClaimResult = { ok: true; runId: number } | { ok: false; runningRunId: number };

/**
 * Where pids mean something: the host name plus the pid namespace (containers that share a host name
 * have their own pid namespaces, and a pid from another one must not be checked here).
 */
export const HOST_ID = (() => {
  try {
    return `${os.hostname()} ${readlinkSync("/proc/self/ns/pid")}`;
  } catch {
    return os.hostname();
  }
})();

/**
 * Runs this process has claimed and not yet finished. A running row that names this process but is
 * not in here ended while the database was unreachable, so its end could not be recorded; the worker
 * and the web app live on, so without this their own next claim would wait out the heartbeat TTL.
 * Kept on globalThis: a bundler may load this module more than once in one process.
 */
const heldHere: Set<number> = ((globalThis as { [HELD]?: Set<number> })[HELD] ??= new Set<number>());

/** Called when a run this process claimed has ended, however it ended. */
export function releaseRun(runId: number) {
  heldHere.delete(runId);
}

/**
 * Why a running row no longer has a live holder, or null. Silence is measured by the database's own
 * clock (now() - heartbeat_at), so app hosts' clocks and time zones do not matter.
 */
export function isStale(row: RunningRow, ttlMs = HEARTBEAT_TTL_MS): string | null {
  if (row.host === HOST_ID && row.pid !== null && row.pid !== process.pid && !isProcessAlive(row.pid)) {
    return `its process (pid ${row.pid}) stopped without finishing the run`;
  }
  if (row.host === HOST_ID && row.pid === process.pid && !heldHere.has(row.id)) {
    return "it ended while the database was unreachable, so its end was not recorded";
  }
  if (row.silent_ms > ttlMs) {
    return `no heartbeat since ${row.heartbeat_at.toISOString()} (its process stopped or hung)`;
  }
  return null;
}

/**
 * Marks every running run without a live holder 'abandoned' (its process on this host is gone, or its
 * heartbeat is stale), so a sync killed mid-run does not show as running until the next sync starts.
 * Called at start-up (npm start, npm run jobs) and when the admin dashboard is read. Returns their ids.
 */
export async function abandonStaleRuns(prisma: PrismaClient, opts: { ttlMs?: number } = {}): Promise<number[]> {
  return prisma.$transaction(async (tx) => {
    // Named in the statement, so the database log tells a sweep from a claim (tests/chaos/concurrency.test.ts).
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_KEY}) /* stale-run sweep */`);
    const ended: number[] = [];
    for (const row of await lockRunningRuns(tx)) {
      const reason = isStale(row, opts.ttlMs);
      if (!reason) continue;
      await markRunAbandoned(tx, row.id, reason);
      ended.push(row.id);
    }
    return ended;
  });
}

export async function claimRun(prisma: PrismaClient, mode: SyncMode, trigger: SyncTrigger, opts: { ttlMs?: number } = {}): Promise<ClaimResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`);
      const running = await lockRunningRuns(tx);
      for (const row of running) {
        const reason = isStale(row, opts.ttlMs);
        if (!reason) return { ok: false as const, runningRunId: row.id };
        await markRunAbandoned(tx, row.id, reason);
      }
      const runId = await insertRunningRun(tx, { mode, trigger, host: HOST_ID, pid: process.pid });
      heldHere.add(runId);
      return { ok: true as const, runId };
    });
  } catch (err) {
    // Lost a race on the partial unique index: someone else holds the run.
    if (/sync_run_one_running|23505|unique/i.test(String((err as Error).message))) {
      const running = await runningRun(prisma);
      if (running) return { ok: false, runningRunId: running.id };
    }
    throw err;
  }
}
