import "server-only";
import { db } from "../db/client";

/** Reads for the interim home page and /api/health. */

export async function trialCounts() {
  const prisma = db();
  const [active, removed, invalid] = await Promise.all([
    prisma.trial.count({ where: { removedAt: null } }),
    prisma.trial.count({ where: { removedAt: { not: null } } }),
    prisma.invalidRecord.count(),
  ]);
  return { active, removed, invalid };
}

export async function lastSuccessfulSync() {
  return db().syncRun.findFirst({ where: { status: "succeeded" }, orderBy: { finishedAt: "desc" }, select: { id: true, finishedAt: true, mode: true, dataTimestamp: true } });
}

export async function recentTrials(take = 50) {
  return db().trial.findMany({
    where: { removedAt: null },
    orderBy: [{ lastUpdatePostDate: { sort: "desc", nulls: "last" } }, { nctId: "asc" }],
    take,
    select: { nctId: true, briefTitle: true, overallStatus: true, phases: true, therapy: true, sponsorName: true, lastUpdatePostDate: true },
  });
}
