import type { PrismaClient } from "../generated/prisma/client";

/** Every read of sync_run; every write is in lib/sync/mutations.ts. */

/**
 * The data version search answers are tagged with (lib/search/cache.ts, index-run.ts): the newest sync
 * run's id, status and pages done. One SQL expression, so a statement can read it in the same snapshot as its data.
 */
export const DATA_VERSION_SQL = `coalesce((SELECT id || ':' || status || ':' || pages_done FROM sync_run ORDER BY id DESC LIMIT 1), '-')`;

export const RUN_STATUSES = ["running", "succeeded", "failed", "abandoned"] as const;

export function getRun(prisma: PrismaClient, id: number) {
  return prisma.syncRun.findUnique({ where: { id } });
}

export function listRuns(prisma: PrismaClient, take = 50) {
  return prisma.syncRun.findMany({ orderBy: { id: "desc" }, take });
}

export function lastSuccessfulRun(prisma: PrismaClient) {
  return prisma.syncRun.findFirst({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" } });
}

export function runningRun(prisma: PrismaClient) {
  return prisma.syncRun.findFirst({ where: { status: "running" } });
}

/** The last successful run with a high-water mark, seed runs aside (lib/sync/run.ts says why). */
export function lastHighWaterRun(prisma: PrismaClient) {
  return prisma.syncRun.findFirst({ where: { status: "succeeded", highWater: { not: null }, trigger: { not: "seed" } }, orderBy: { highWater: "desc" } });
}

export type RunningRow = { id: number; heartbeat_at: Date; host: string | null; pid: number | null; silent_ms: number };

/** The running rows with their silence by the database's clock, locked for the claim or sweep transaction that reads them. */
export function lockRunningRuns(tx: Pick<PrismaClient, "$queryRawUnsafe">): Promise<RunningRow[]> {
  return tx.$queryRawUnsafe<RunningRow[]>(
    `SELECT id, heartbeat_at, host, pid, (EXTRACT(EPOCH FROM (now() - heartbeat_at)) * 1000)::float8 AS silent_ms FROM sync_run WHERE status = 'running' FOR UPDATE`,
  );
}

/** Active and removed trials, and quarantined records: what the home page, /api/health and the admin dashboard count. */
export async function trialCounts(prisma: PrismaClient) {
  const [active, removed, invalid] = await Promise.all([
    prisma.trial.count({ where: { removedAt: null } }),
    prisma.trial.count({ where: { removedAt: { not: null } } }),
    prisma.invalidRecord.count(),
  ]);
  return { active, removed, invalid };
}

export function invalidRecordsOf(prisma: PrismaClient, runId: number) {
  return prisma.invalidRecord.findMany({ where: { runId }, orderBy: { id: "asc" } });
}
