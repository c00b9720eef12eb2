import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { readEligibility, RULES_VERSION } from "./read";
import { storedEligibilitySchema, type StoredEligibility } from "./schema";

/**
 * Each trial's parsed rules, kept in memory keyed by NCT id and the row's `updated_at` (every writer
 * of a trial — sync, reclassify, re-read — moves it), so a check of 500 trials costs one small
 * query of stamps plus the rows that changed since. Nothing here depends on a patient's answers:
 * answers are evaluated against these rules per request and never stored or used as a key.
 */

type Entry = { stamp: number; stored: StoredEligibility };
const cache = new Map<string, Entry>();
/** A bound on memory (~1–2 KB per entry); the oldest insertions go first. */
const MAX_ENTRIES = 20_000;

function remember(nctId: string, entry: Entry) {
  cache.delete(nctId);
  cache.set(nctId, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** The stored rules, or a fresh reading of the raw record when they are missing or were read by another version. */
export function storedOrReread(row: { eligibility: unknown; eligibility_version: number; raw: unknown }): StoredEligibility {
  if (row.eligibility_version === RULES_VERSION) {
    const parsed = storedEligibilitySchema.safeParse(row.eligibility);
    if (parsed.success) return parsed.data;
  }
  return readEligibility(row.raw);
}

/** The rules of each known trial among `nctIds` (unknown ids are left out of the map). */
export async function eligibilityOf(prisma: PrismaClient, nctIds: readonly string[]): Promise<Map<string, StoredEligibility>> {
  const out = new Map<string, StoredEligibility>();
  if (nctIds.length === 0) return out;
  const stamps = await prisma.$queryRawUnsafe<{ nct_id: string; stamp: number }[]>(
    `SELECT nct_id, (extract(epoch FROM updated_at) * 1000000)::float8 AS stamp FROM trial WHERE nct_id = ANY($1::text[])`,
    [...nctIds],
  );
  const missing: string[] = [];
  for (const { nct_id, stamp } of stamps) {
    const hit = cache.get(nct_id);
    if (hit && hit.stamp === stamp) out.set(nct_id, hit.stored);
    else missing.push(nct_id);
  }
  if (missing.length > 0) {
    // The raw record only when the stored rules cannot be used (read by another version, or never).
    const rows = await prisma.$queryRawUnsafe<{ nct_id: string; stamp: number; eligibility: unknown; eligibility_version: number; raw: unknown }[]>(
      `SELECT nct_id, (extract(epoch FROM updated_at) * 1000000)::float8 AS stamp, eligibility, eligibility_version,
         CASE WHEN eligibility IS NULL OR eligibility_version <> $2 THEN raw END AS raw
       FROM trial WHERE nct_id = ANY($1::text[])`,
      missing,
      RULES_VERSION,
    );
    for (const row of rows) {
      const stored = storedOrReread(row);
      remember(row.nct_id, { stamp: row.stamp, stored });
      out.set(row.nct_id, stored);
    }
  }
  return out;
}

/** For tests and benchmarks: start cold. */
export function clearEligibilityCache() {
  cache.clear();
}
