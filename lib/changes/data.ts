import type { PrismaClient } from "../generated/prisma/client";
import { storedFieldsSchema, type TrialChanges } from "./schema";

/** A trial's recorded changes, newest first (GET /api/trials/{nctId}/changes, the trial page). */
export async function changesOf(prisma: PrismaClient, nctId: string, limit = 100): Promise<TrialChanges> {
  const rows = await prisma.trialChange.findMany({ where: { nctId }, orderBy: { id: "desc" }, take: limit });
  return {
    nctId,
    changes: rows.map((r) => ({
      seenAt: r.seenAt.toISOString(),
      runId: r.runId,
      // Rows are written by lib/changes only; a row that no longer parses shows no fields rather than failing the page.
      fields: storedFieldsSchema.safeParse(r.fields).data ?? [],
    })),
  };
}

/** How many trials each run recorded a change for (the admin run history). */
export async function changeCountsByRun(prisma: PrismaClient, runIds: number[]): Promise<Map<number, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await prisma.trialChange.groupBy({ by: ["runId"], where: { runId: { in: runIds } }, _count: { _all: true } });
  return new Map(rows.flatMap((r) => (r.runId === null ? [] : [[r.runId, r._count._all] as const])));
}
