import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Place } from "../geo/resolve";
import { logger } from "../logger";
import { buildSearchIndex, type BuildStats, readDataVersion } from "./index-build";
import type { SearchIndex, TextHits } from "./index-core";
import { newBits, setBit } from "./index-bits";
import { PAGE_SIZE, type SearchFilters } from "./schema";
import { DATA_VERSION_SQL } from "../sync/data";
import { EARTH_RADIUS_MILES, type Row, type SearchResult, toSummary } from "./sql";

// Each web process holds its own index (several processes = several copies over one Postgres). It
// answers a search only when it was built for the current data version (cache.ts readVersion, read
// here at most every VERSION_MS); otherwise the SQL path answers and one background rebuild starts.
// Free text stays Postgres full-text: the matching ids (and ranks) come from one statement that also
// reads the data version, and the page's rows come by primary key from one more such statement; when
// either sees another version than the index's, the whole search goes to SQL, so an answer never
// mixes two versions. SEARCH_INDEX=off turns the index off (the SQL path is also the test oracle).

/** Exported so a test can shorten the wait; nothing else changes it. */
export const indexTiming = { VERSION_MS: 500 };
const TEXT_CACHE = 200;

type State = {
  index: SearchIndex | null;
  building: Promise<void> | null;
  version: { at: number; value: Promise<string> } | null;
  text: Map<string, TextHits>;
  lastBuild: BuildStats | null;
};
const states = new WeakMap<PrismaClient, State>();

export function searchIndexEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.SEARCH_INDEX?.trim() !== "off";
}

function stateOf(prisma: PrismaClient): State {
  let st = states.get(prisma);
  if (!st) states.set(prisma, (st = { index: null, building: null, version: null, text: new Map(), lastBuild: null }));
  return st;
}

function currentVersion(prisma: PrismaClient, st: State): Promise<string> {
  const now = Date.now();
  if (!st.version || now - st.version.at > indexTiming.VERSION_MS) {
    const value = readDataVersion(prisma);
    st.version = { at: now, value };
    value.catch(() => (st.version = null));
  }
  return st.version.value;
}

/** Starts a build unless one is running; resolves when that build is done. */
export function rebuildIndex(prisma: PrismaClient): Promise<void> {
  const st = stateOf(prisma);
  if (!st.building) {
    st.building = buildSearchIndex(prisma)
      .then(({ index, stats }) => {
        st.index = index;
        st.lastBuild = stats;
        st.text.clear();
        logger.info({ version: index.version, ...stats }, "search index built");
      })
      .catch((err: unknown) => logger.warn({ err: (err as Error).message }, "search index build failed; SQL answers"))
      .finally(() => (st.building = null));
  }
  return st.building;
}

/** The index if it is built for the current data version; otherwise null, and a rebuild starts. */
export async function readyIndex(prisma: PrismaClient): Promise<SearchIndex | null> {
  if (!searchIndexEnabled()) return null;
  const st = stateOf(prisma);
  const v = await currentVersion(prisma, st);
  if (st.index?.version === v) return st.index;
  void rebuildIndex(prisma);
  return null;
}

/** Build figures of this process's index for `prisma` (bench and logs). */
export function indexStats(prisma: PrismaClient): BuildStats | null {
  return stateOf(prisma).lastBuild;
}


async function textHits(prisma: PrismaClient, index: SearchIndex, q: string, ranked: boolean): Promise<TextHits | null> {
  const st = stateOf(prisma);
  const key = `${index.version}|${ranked ? 1 : 0}|${q}`;
  const hit = st.text.get(key);
  if (hit) return hit;
  const tsq = `websearch_to_tsquery('english', $1)`;
  const rows = await prisma.$queryRawUnsafe<{ v: string; ids: string[]; ranks: number[] | null }[]>(
    `SELECT ${DATA_VERSION_SQL} AS v, coalesce(array_agg(x.nct_id), '{}') AS ids, ${ranked ? `array_agg(ts_rank_cd(x.search_doc, ${tsq}))` : "NULL::real[]"} AS ranks
     FROM trial x WHERE x.search_doc @@ ${tsq}`,
    q,
  );
  const r = rows[0]!;
  if (r.v !== index.version) return null;
  const bits = newBits(index.n);
  const rank = ranked ? new Map<number, number>() : null;
  r.ids.forEach((id, j) => {
    const i = index.numberOf(id);
    if (i === undefined) return;
    setBit(bits, i);
    rank?.set(i, Number(r.ranks![j]));
  });
  const out = { bits, rank };
  st.text.set(key, out);
  while (st.text.size > TEXT_CACHE) st.text.delete(st.text.keys().next().value!);
  return out;
}

/** The page's rows by primary key, in the given order, with each one's nearest site (as sql.ts pageSql); null when the data version moved. */
async function rowsByIds(prisma: PrismaClient, ids: string[], place: Place | null, version: string): Promise<Row[] | null> {
  const dist = place
    ? `(${EARTH_RADIUS_MILES} * 2 * asin(least(1, sqrt(power(sin(radians(s.lat - $2::float8) / 2), 2) + cos(radians($2::float8)) * cos(radians(s.lat)) * power(sin(radians(s.lon - $3::float8) / 2), 2)))))`
    : "NULL::float8";
  const rows = await prisma.$queryRawUnsafe<(Row & { v: string })[]>(
    `WITH hits AS (SELECT h.nct_id, h.ord FROM unnest($1::text[]) WITH ORDINALITY AS h(nct_id, ord))
    SELECT ${DATA_VERSION_SQL} AS v, t.nct_id, t.brief_title, t.overall_status, t.phase, t.therapy, t.source, t.donor, t.route, t.flags, t.sponsor_name,
      to_char(t.last_update_post_date, 'YYYY-MM-DD') AS last_updated, to_char(t.start_date, 'YYYY-MM-DD') AS start_date,
      t.has_results, t.results_published,
      ns.facility, ns.city, ns.state, ns.country, ns.status AS site_status, ns.dist, ns.lat, ns.lon
    FROM hits JOIN trial t ON t.nct_id = hits.nct_id
    LEFT JOIN LATERAL (
      SELECT s.facility, s.city, s.state, s.country, s.status, s.lat, s.lon, ${dist} AS dist
      FROM site s WHERE s.nct_id = t.nct_id
      ORDER BY ${place ? "dist ASC NULLS LAST," : ""} (s.status = 'RECRUITING') DESC NULLS LAST, s.position
      LIMIT 1) ns ON TRUE
    ORDER BY hits.ord`,
    ...(place ? [ids, place.lat, place.lon] : [ids]),
  );
  if (rows.length !== ids.length || rows.some((r) => r.v !== version)) return null;
  return rows;
}

/**
 * A search answered by the index (total, facets, page order) with the page's rows from Postgres;
 * null when the index cannot answer for the current data version (the caller runs the SQL path).
 */
export async function indexedSearch(prisma: PrismaClient, f: SearchFilters, place: Place | null, opts: { exclude?: readonly string[] } = {}): Promise<SearchResult | null> {
  const index = await readyIndex(prisma);
  if (!index) return null;
  const text = f.q ? await textHits(prisma, index, f.q, f.sort === "relevance") : null;
  if (f.q && !text) return null;
  const ans = index.search(f, place, text, { exclude: opts.exclude });
  const rows = ans.pageIds.length ? await rowsByIds(prisma, ans.pageIds, place, index.version) : [];
  if (!rows) return null;
  return { total: ans.total, page: f.page, pageSize: PAGE_SIZE, trials: rows.map(toSummary), facets: ans.facets };
}

/** Every matching trial id from the index (for filtering in memory, e.g. the eligibility check); null when the index cannot answer. */
export async function indexedMatchingIds(prisma: PrismaClient, f: SearchFilters, place: Place | null, opts: { exclude?: readonly string[] } = {}): Promise<string[] | null> {
  const index = await readyIndex(prisma);
  if (!index) return null;
  const text = f.q ? await textHits(prisma, index, f.q, false) : null;
  if (f.q && !text) return null;
  return index.matchIds(f, place, text, opts.exclude);
}
