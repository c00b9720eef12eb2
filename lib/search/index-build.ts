import { bulkTransaction, type SqlTx } from "../db/bulk";
import type { PrismaClient } from "../generated/prisma/client";
import { type IndexSiteRow, type IndexTrialRow, SearchIndex } from "./index-core";
import { DATA_VERSION_SQL } from "../sync/data";

export async function readDataVersion(prisma: Pick<SqlTx, "$queryRawUnsafe">): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT ${DATA_VERSION_SQL} AS v`);
  return rows[0]?.v ?? "-";
}

// Reads what the index needs from Postgres in one REPEATABLE READ snapshot, tagged with the data
// version seen in that same snapshot (so an index is never half of one version and half of the
// next). Sequential scans, in no order (the index sorts in memory: an index-ordered read of the wide
// trial table was several times slower). Straight through node-postgres (lib/db/bulk.ts): Prisma's raw-query path converted each of
// the ~370,000 rows of a 100,000-trial build value by value and took most of the build's time. The
// statements run one after the other: PGlite has a single connection. Lists arrive as one string
// each (index-core.ts IndexTrialRow): splitting a few hundred distinct ones beats parsing 600,000
// Postgres arrays.

export type BuildStats = { ms: number; trials: number; sites: number; heapDeltaBytes: number; approxBytes: number };

export async function buildSearchIndex(prisma: PrismaClient): Promise<{ index: SearchIndex; stats: BuildStats }> {
  const t0 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  const { version, trials, sites } = await bulkTransaction(prisma, async (tx) => {
    await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    // Two plain scans: JIT compilation of them cost more than it saved (hundreds of ms on a busy machine).
    await tx.$executeRawUnsafe("SET LOCAL jit = off");
    const v = await readDataVersion(tx);
    const list = (c: string) => `CASE WHEN ${c} IS NULL THEN NULL ELSE array_to_string(${c}, chr(1)) || chr(2) END AS ${c}`;
    const t = await tx.$queryRawUnsafe<IndexTrialRow[]>(
      `SELECT nct_id, removed_at IS NULL AS live, overall_status, ${["therapy", "source", "route", "phase", "flags"].map(list).join(", ")}, donor,
         array_to_string(coalesce(countries, ARRAY[]::text[]), chr(1)) || chr(2) AS countries,
         brief_title, sponsor_name, has_results, results_published, coalesce(has_results, false) OR coalesce(results_published, false) AS results,
         (last_update_post_date - DATE '1970-01-01') AS lud, (start_date - DATE '1970-01-01') AS sd, h.change_id AS head
       FROM trial LEFT JOIN trial_change_head h USING (nct_id)`,
    );
    const s = await tx.$queryRawUnsafe<IndexSiteRow[]>(`SELECT nct_id, position, facility, status, lat, lon, country, state, city FROM site`);
    return { version: v, trials: t, sites: s };
  });
  const index = new SearchIndex(version, trials, sites);
  const stats: BuildStats = {
    ms: Math.round(performance.now() - t0),
    trials: trials.length,
    sites: sites.length,
    heapDeltaBytes: process.memoryUsage().heapUsed - heap0,
    approxBytes: index.approxBytes(),
  };
  return { index, stats };
}
