import type { PrismaClient } from "../generated/prisma/client";
import { type IndexSiteRow, type IndexTrialRow, SearchIndex } from "./index-core";
import { DATA_VERSION_SQL } from "../sync/data";

export async function readDataVersion(prisma: Pick<PrismaClient, "$queryRawUnsafe">): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT ${DATA_VERSION_SQL} AS v`);
  return rows[0]?.v ?? "-";
}

// Reads what the index needs from Postgres in one REPEATABLE READ snapshot, tagged with the data
// version seen in that same snapshot (so an index is never half of one version and half of the
// next). The statements run one after the other: PGlite has a single connection.

export type BuildStats = { ms: number; trials: number; sites: number; heapDeltaBytes: number; approxBytes: number };

export async function buildSearchIndex(prisma: PrismaClient): Promise<{ index: SearchIndex; stats: BuildStats }> {
  const t0 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  const { version, trials, sites } = await prisma.$transaction(
    async (tx) => {
      const v = await readDataVersion(tx);
      const t = await tx.$queryRawUnsafe<IndexTrialRow[]>(
        `SELECT nct_id, live, overall_status, therapy, source, donor, route, phase, countries, results,
           (last_update_post_date - DATE '1970-01-01') AS lud, (start_date - DATE '1970-01-01') AS sd
         FROM trial_search`,
      );
      const s = await tx.$queryRawUnsafe<IndexSiteRow[]>(
        `SELECT s.nct_id, s.lat, s.lon, s.country, s.state, s.city FROM site s
         WHERE (s.lat IS NOT NULL AND s.lon IS NOT NULL) OR s.state IS NOT NULL OR s.city IS NOT NULL`,
      );
      return { version: v, trials: t, sites: s };
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000, maxWait: 10_000 },
  );
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
