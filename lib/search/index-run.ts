import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Place } from "../geo/resolve";
import { logger } from "../logger";
import { buildSearchIndex, readDataVersion } from "./index-build";
import type { SearchIndex, TextHits } from "./index-core";
import { newBits, setBit } from "./index-bits";
import { PAGE_SIZE, type SearchFilters } from "./schema";
import { DATA_VERSION_SQL } from "../sync/data";
import type { SearchResult } from "./sql";

// Each web process holds its own index (several processes = several copies over one Postgres). It
// answers a search only when it was built for the current data version (cache.ts readVersion, read
// here at most every VERSION_MS), or, while a sync runs, from its last build (readyIndex); otherwise
// the SQL path answers and one background rebuild starts.
// Free text stays Postgres full-text: the matching ids (and ranks) come from one statement that also
// reads the data version (kept per version and q); when it sees another version than the index's, the
// whole search goes to SQL, so an answer never mixes two versions. Everything else, the page's cards
// included, comes from the index's own snapshot: a search without words runs no statement at all
// (beyond the data version, re-read at most every VERSION_MS). SEARCH_INDEX=off turns the index off (the SQL path is also the test oracle).

/** Exported so a test can shorten the wait; nothing else changes it. */
export const indexTiming = { VERSION_MS: 500 };
const TEXT_CACHE = 200;

type State = {
  index: SearchIndex | null;
  building: Promise<void> | null;
  version: { at: number; value: Promise<string> } | null;
  text: Map<string, TextHits>;
  /** When the last build ended and how long it took (ms): the next one waits as long again. */
  lastEnd: number;
  lastMs: number;
};
const states = new WeakMap<PrismaClient, State>();

export function searchIndexEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.SEARCH_INDEX?.trim() !== "off";
}

function stateOf(prisma: PrismaClient): State {
  let st = states.get(prisma);
  if (!st) states.set(prisma, (st = { index: null, building: null, version: null, text: new Map(), lastEnd: 0, lastMs: 0 }));
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
    const started = performance.now();
    st.building = buildSearchIndex(prisma)
      .then(({ index, stats }) => {
        st.index = index;
        st.text.clear();
        logger.info({ version: index.version, ...stats }, "search index built");
      })
      .catch((err: unknown) => logger.warn({ err: (err as Error).message }, "search index build failed; SQL answers"))
      .finally(() => {
        st.building = null;
        st.lastEnd = performance.now();
        st.lastMs = st.lastEnd - started;
      });
  }
  return st.building;
}

/**
 * While a sync runs, builds are spaced at least this far apart and at least DUTY times as long as
 * the last one took: at most a fifth of one core goes to rebuilds while the sync also wants the CPU.
 */
const syncingRebuild = { MIN_GAP_MS: 1_000, DUTY: 4 };
const syncing = (v: string) => v.includes(":running:");

/**
 * The index if it is built for the current data version; otherwise a rebuild starts and null is
 * returned (the SQL path answers), except while a sync is running: then the last index answers,
 * one consistent earlier version, as the result cache does (ADR 010), because every page of the
 * sync moves the version and neither back-to-back rebuilds nor SQL for every search keep up.
 */
export async function readyIndex(prisma: PrismaClient): Promise<SearchIndex | null> {
  if (!searchIndexEnabled()) return null;
  const st = stateOf(prisma);
  const v = await currentVersion(prisma, st);
  if (st.index?.version === v) return st.index;
  // After a build, wait as long as it took (at most half of one core goes to builds), longer while a sync runs.
  const sinceLast = performance.now() - st.lastEnd;
  const gap = syncing(v) ? Math.max(syncingRebuild.MIN_GAP_MS, syncingRebuild.DUTY * st.lastMs) : st.lastMs;
  if (!st.building && sinceLast >= gap) void rebuildIndex(prisma);
  if (syncing(v) && st.index) return st.index;
  logger.debug({ version: v, built: st.index?.version ?? null }, "search index not built for this data version; SQL answers");
  return null;
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

function moved(index: SearchIndex): null {
  logger.debug({ built: index.version }, "data version moved during an indexed search; SQL answers");
  return null;
}

/**
 * A search answered by the index (total, facets, page order) with the page's rows from Postgres;
 * null when the index cannot answer for the current data version (the caller runs the SQL path).
 */
export async function indexedSearch(prisma: PrismaClient, f: SearchFilters, place: Place | null, opts: { exclude?: readonly string[] } = {}): Promise<SearchResult | null> {
  const index = await readyIndex(prisma);
  if (!index) return null;
  const text = f.q ? await textHits(prisma, index, f.q, f.sort === "relevance") : null;
  if (f.q && !text) return moved(index);
  const ans = index.search(f, place, text, { exclude: opts.exclude });
  return { total: ans.total, page: f.page, pageSize: PAGE_SIZE, trials: ans.trials, facets: ans.facets };
}

/**
 * The newest recorded change of each trial a search matches, newest first (the Atom feed, lib/feeds),
 * with the data version it was read at; null when the index cannot answer.
 */
export async function indexedNewestChanges(prisma: PrismaClient, f: SearchFilters, place: Place | null, limit: number) {
  const index = await readyIndex(prisma);
  if (!index) return null;
  const text = f.q ? await textHits(prisma, index, f.q, false) : null;
  if (f.q && !text) return moved(index);
  return { version: index.version, heads: index.newestChanges(f, place, text, limit) };
}

/** Every matching trial id from the index (for filtering in memory, e.g. the eligibility check); null when the index cannot answer. */
export async function indexedMatchingIds(prisma: PrismaClient, f: SearchFilters, place: Place | null, opts: { exclude?: readonly string[] } = {}): Promise<string[] | null> {
  const index = await readyIndex(prisma);
  if (!index) return null;
  const text = f.q ? await textHits(prisma, index, f.q, false) : null;
  if (f.q && !text) return moved(index);
  return index.matchIds(f, place, text, opts.exclude);
}
