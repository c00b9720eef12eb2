import "server-only";
import { db } from "../db/client";
import { lastSuccessfulRun, trialCounts as countTrials } from "../sync/data";

/** Reads for the home page and /api/health, on the process's database. */

export function trialCounts() {
  return countTrials(db());
}

export function lastSuccessfulSync() {
  return lastSuccessfulRun(db());
}

export async function recentTrials(take = 50) {
  return db().trial.findMany({
    where: { removedAt: null },
    orderBy: [{ lastUpdatePostDate: { sort: "desc", nulls: "last" } }, { nctId: "asc" }],
    take,
    select: { nctId: true, briefTitle: true, overallStatus: true, phase: true, sponsorName: true },
  });
}
