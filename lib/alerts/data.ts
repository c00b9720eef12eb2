import type { PrismaClient } from "../generated/prisma/client";

/** The digests a run queued, by what became of them (lib/alerts/digests.ts): the admin run history. */
export type DigestCounts = { sent: number; pending: number; failed: number; unknown: number };
export const NO_DIGESTS: DigestCounts = { sent: 0, pending: 0, failed: 0, unknown: 0 };

export async function digestCountsByRun(prisma: PrismaClient, runIds: number[]): Promise<Map<number, DigestCounts>> {
  if (runIds.length === 0) return new Map();
  const rows = await prisma.alertDigest.groupBy({ by: ["runId", "status"], where: { runId: { in: runIds } }, _count: { _all: true } });
  const out = new Map<number, DigestCounts>();
  for (const r of rows) {
    if (r.runId === null) continue;
    const counts = out.get(r.runId) ?? { ...NO_DIGESTS };
    // "sending" is a claim in flight: still waiting to go out, as far as anyone reading can tell.
    const key: keyof DigestCounts = r.status === "sent" ? "sent" : r.status === "failed" ? "failed" : r.status === "unknown" ? "unknown" : "pending";
    counts[key] += r._count._all;
    out.set(r.runId, counts);
  }
  return out;
}
