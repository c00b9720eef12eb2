import { snapshotReads, type SqlTx } from "../db/bulk";
import type { PrismaClient } from "../generated/prisma/client";
import { type IndexSites, type IndexTrialRow, SearchIndex } from "./index-core";
import { DATA_VERSION_SQL } from "../sync/data";

export async function readDataVersion(prisma: Pick<SqlTx, "$queryRawUnsafe">): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT ${DATA_VERSION_SQL} AS v`);
  return rows[0]?.v ?? "-";
}

// Reads what the index needs from Postgres in one REPEATABLE READ snapshot, tagged with the data
// version seen in that same snapshot (so an index is never half of one version and half of the
// next). Sequential scans, in no order (the index sorts in memory: an index-ordered read of the wide
// trial table was several times slower). Straight through node-postgres (lib/db/bulk.ts): Prisma's
// raw-query path converted each of the ~370,000 rows of a 100,000-trial build value by value and
// took most of the build's time. Trials and sites are read at the same time on two connections
// sharing the snapshot (snapshotReads; one after the other on PGlite). Lists arrive as one string
// each (index-core.ts IndexTrialRow): splitting a few hundred distinct ones beats parsing 600,000
// Postgres arrays.

// Sites arrive as one string per column (each value followed by U+0001 but the last; a missing
// coordinate as an empty value; beside each text column, one character per site, "1" where it is
// NULL): 15 values to decode instead of 2.4 million, and no object per site (the row-by-row read was
// ~40% of a 100,000-trial build, with its garbage). Every aggregate of one statement reads the rows
// in the same order, so row r of each column is one site. A text holding U+0001 would shift its
// column: the lengths then disagree and the sites are read again row by row.
const SEP = "\u0001";
const SITE_TEXT = ["facility", "status", "country", "state", "city"] as const;
type SiteText = (typeof SITE_TEXT)[number];
const agg = (expr: string, sep: string) => `coalesce(string_agg(${expr}, ${sep}), '')`;
const SITE_COLUMNS_SQL = `SELECT count(*)::int AS n, ${agg("nct_id", "chr(1)")} AS nct_id, ${agg("position::text", "','")} AS position,
  ${SITE_TEXT.map((c) => `${agg(`coalesce(${c}, '')`, "chr(1)")} AS ${c}, ${agg(`CASE WHEN ${c} IS NULL THEN '1' ELSE '0' END`, "''")} AS ${c}_null`).join(", ")},
  ${agg("coalesce(lat::text, '')", "','")} AS lat, ${agg("coalesce(lon::text, '')", "','")} AS lon
  FROM site`;
type SiteRow = { nct_id: string; position: number; lat: number | null; lon: number | null } & Record<SiteText, string | null>;

/** The numbers of a comma-separated column into `into` (an empty value is `missing`); false when there are not n. */
function numbers(text: string, n: number, into: Float64Array | Int32Array, missing: number): boolean {
  if (n === 0) return true;
  const parts = text.split(",");
  if (parts.length !== n) return false;
  for (let i = 0; i < n; i++) into[i] = parts[i] === "" ? missing : Number(parts[i]);
  return true;
}

/** A text column with its NULL mask; null when the column does not have n values. */
function texts(text: string, nulls: string, n: number): (string | null)[] | null {
  const values: (string | null)[] = n === 0 ? [] : text.split(SEP);
  if (values.length !== n || nulls.length !== n) return null;
  for (let i = 0; i < n; i++) if (nulls.charCodeAt(i) === 49) values[i] = null;
  return values;
}

/** How the sites were read: by column, or row by row after a column did not split into its values. */
export type SiteRead = "columns" | "rows";

async function readSites(tx: Pick<SqlTx, "$queryRawUnsafe">): Promise<IndexSites & { read: SiteRead }> {
  const [row] = await tx.$queryRawUnsafe<(Record<string, string> & { n: number })[]>(SITE_COLUMNS_SQL);
  if (row) {
    const n = row.n;
    const sites = { nct_id: n === 0 ? [] : row.nct_id!.split(SEP), position: new Int32Array(n), lat: new Float64Array(n), lon: new Float64Array(n) };
    const text = Object.fromEntries(SITE_TEXT.map((c) => [c, texts(row[c]!, row[`${c}_null`]!, n)]));
    if (
      sites.nct_id.length === n &&
      SITE_TEXT.every((c) => text[c] !== null) &&
      numbers(row.position!, n, sites.position, 0) &&
      numbers(row.lat!, n, sites.lat, NaN) &&
      numbers(row.lon!, n, sites.lon, NaN)
    )
      return { ...sites, ...(text as Record<SiteText, (string | null)[]>), read: "columns" };
  }
  const rows = await tx.$queryRawUnsafe<SiteRow[]>(`SELECT nct_id, position, facility, status, lat, lon, country, state, city FROM site`);
  return {
    nct_id: rows.map((r) => r.nct_id),
    position: Int32Array.from(rows, (r) => r.position),
    lat: Float64Array.from(rows, (r) => r.lat ?? NaN),
    lon: Float64Array.from(rows, (r) => r.lon ?? NaN),
    ...(Object.fromEntries(SITE_TEXT.map((c) => [c, rows.map((r) => r[c])])) as Record<SiteText, (string | null)[]>),
    read: "rows",
  };
}

export type BuildStats = { ms: number; trials: number; sites: number; siteRead: SiteRead; heapDeltaBytes: number; approxBytes: number };

export async function buildSearchIndex(prisma: PrismaClient): Promise<{ index: SearchIndex; stats: BuildStats }> {
  const t0 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  const [{ version, trials }, sites] = await snapshotReads(
    prisma,
    async (tx) => {
      const v = await readDataVersion(tx);
      const list = (c: string) => `CASE WHEN ${c} IS NULL THEN NULL ELSE array_to_string(${c}, chr(1)) || chr(2) END AS ${c}`;
      const t = await tx.$queryRawUnsafe<IndexTrialRow[]>(
        `SELECT nct_id, removed_at IS NULL AS live, overall_status, ${["therapy", "source", "route", "phase", "flags"].map(list).join(", ")}, donor,
           array_to_string(coalesce(countries, ARRAY[]::text[]), chr(1)) || chr(2) AS countries,
           brief_title, sponsor_name, has_results, results_published, coalesce(has_results, false) OR coalesce(results_published, false) AS results,
           (last_update_post_date - DATE '1970-01-01') AS lud, (start_date - DATE '1970-01-01') AS sd, h.change_id AS head
         FROM trial LEFT JOIN trial_change_head h USING (nct_id)`,
      );
      return { version: v, trials: t };
    },
    readSites,
  );
  const index = new SearchIndex(version, trials, sites);
  const stats: BuildStats = {
    ms: Math.round(performance.now() - t0),
    trials: trials.length,
    sites: sites.nct_id.length,
    siteRead: sites.read,
    heapDeltaBytes: process.memoryUsage().heapUsed - heap0,
    approxBytes: index.approxBytes(),
  };
  return { index, stats };
}
