import { classifyStudy } from "../classify/classify";
import { asOfFor } from "../classify/input";
import { CLASSIFIER_VERSION } from "../classify/version";
import type { PrismaClient } from "../generated/prisma/client";
import { redoStale } from "./stale";

type Stored = { nct_id: string; raw: unknown; raw_hash: string; last_synced_at: Date };

/**
 * Recomputes the classification of every trial stored under an older CLASSIFIER_VERSION, from its
 * stored raw record, in batches. Run at the start of each sync and by `npm run reclassify`.
 */
export async function reclassifyStale(prisma: PrismaClient, opts: { all?: boolean; batchSize?: number; signal?: AbortSignal } = {}): Promise<number> {
  return redoStale<Stored>(prisma, { columns: "nct_id, raw, raw_hash, last_synced_at", versionColumn: "classifier_version", version: CLASSIFIER_VERSION }, opts, (rows) => {
    const updates = rows.map((r) => {
      const c = classifyStudy(r.raw, { asOf: asOfFor(r.raw, r.last_synced_at) });
      return { nct_id: r.nct_id, raw_hash: r.raw_hash, therapy: c.therapy, source: c.source, donor: c.donor, route: c.route, phase: c.phase, flags: c.flags, why: c.why };
    });
    return prisma.$executeRawUnsafe(
      `UPDATE trial t SET therapy = r.therapy, source = r.source, donor = r.donor, route = r.route, phase = r.phase, flags = r.flags,
         why = r.why, classifier_version = $2, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r(nct_id text, raw_hash text, therapy text[], source text[], donor text, route text[], phase text[], flags text[], why jsonb)
       WHERE t.nct_id = r.nct_id AND t.raw_hash = r.raw_hash`, // a sync that stored a newer record meanwhile wins
      JSON.stringify(updates),
      CLASSIFIER_VERSION,
    );
  });
}
