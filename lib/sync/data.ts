import type { PrismaClient } from "../generated/prisma/client";

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
