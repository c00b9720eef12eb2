import { readEligibility, RULES_VERSION } from "../eligibility/read";
import type { PrismaClient } from "../generated/prisma/client";
import { toJson } from "./encode";
import { redoStale } from "./stale";

type Stored = { nct_id: string; raw: unknown; raw_hash: string };

/**
 * Re-reads the eligibility rules of every trial stored under another RULES_VERSION (or never read),
 * from its stored raw record, in batches: the classifier's reclassifyStale, for the rule reader.
 * Run at the start of each sync and by `npm run reclassify`.
 */
export async function rereadEligibilityStale(prisma: PrismaClient, opts: { all?: boolean; batchSize?: number; signal?: AbortSignal } = {}): Promise<number> {
  return redoStale<Stored>(prisma, { columns: "nct_id, raw, raw_hash", versionColumn: "eligibility_version", version: RULES_VERSION }, opts, (rows) => {
    const updates = rows.map((r) => ({ nct_id: r.nct_id, raw_hash: r.raw_hash, eligibility: readEligibility(r.raw) }));
    return prisma.$executeRawUnsafe(
      `UPDATE trial t SET eligibility = r.eligibility, eligibility_version = $2, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(nct_id text, raw_hash text, eligibility jsonb)
       WHERE t.nct_id = r.nct_id AND t.raw_hash = r.raw_hash`, // a sync that stored a newer record meanwhile wins
      toJson(updates),
      RULES_VERSION,
    );
  });
}
