import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { type Place, resolveNear } from "../geo/resolve";
import { logger } from "../logger";
import { cached } from "./cache";
import { facetCounts, searchTrials, type SearchResult } from "./data";
import { indexedSearch } from "./index-run";
import { parseSearch, searchKey, type SearchFilters, type SearchParamError } from "./schema";

// Parse → resolve `near` → search, shared by the page, the API, the CSV and the print view.

export type NearError = SearchParamError & { suggestions: string[] };
export type PreparedSearch = { filters: SearchFilters; place: Place | null; errors: (SearchParamError | NearError)[] };

type Input = Parameters<typeof parseSearch>[0];

/** Parses and resolves; invalid parts are dropped (and reported) so the rest still works. */
export function prepareSearch(input: Input): PreparedSearch {
  const { filters, errors } = parseSearch(input);
  const all: PreparedSearch["errors"] = [...errors];
  let place: Place | null = null;
  if (filters.near) {
    const r = resolveNear(filters.near);
    if (r.ok) place = { lat: r.lat, lon: r.lon, label: r.label };
    else {
      all.push({ param: "near", value: filters.near, code: r.code, message: `near: ${r.message}`, suggestions: r.suggestions });
      filters.near = undefined;
      if (filters.sort === "distance") filters.sort = "relevance";
    }
  }
  return { filters, place, errors: all };
}

const placeKey = (place: Place | null) => (place ? `${place.lat},${place.lon}` : "");
/** Cache key of a whole search: filters, sort and page, and where `near` resolved to. */
const keyOf = ({ filters, place }: PreparedSearch) => `${searchKey(filters)}|${placeKey(place)}`;
/** Cache key of what a search matches, whatever its sort and page (its counts, its map sites). */
export const matchKey = ({ filters, place }: PreparedSearch) => `${searchKey({ ...filters, sort: "relevance", page: 1 })}|${placeKey(place)}`;

/**
 * One search: from the in-memory index when it is built for the current data version (index-run.ts),
 * else SQL, its counts kept per filter set (sort and page left out), so paging or re-sorting runs only the cheap page query.
 */
async function search(prepared: PreparedSearch, prisma: PrismaClient): Promise<SearchResult> {
  const fromIndex = await indexedSearch(prisma, prepared.filters, prepared.place).catch((err: unknown) => {
    logger.warn({ err: (err as Error).message }, "search index failed; SQL answers");
    return null;
  });
  if (fromIndex) return fromIndex;
  return searchTrials(prisma, prepared.filters, prepared.place, (f, p) => cached(prisma, `counts:${matchKey(prepared)}`, () => facetCounts(prisma, f, p)));
}

// The two outer caches may answer from their previous result while a sync is running (cache.ts);
// neither goes through the other, so a background refresh never picks up a stale inner result.
export async function runSearch(prisma: PrismaClient, prepared: PreparedSearch): Promise<SearchResult> {
  return cached(prisma, `obj:${keyOf(prepared)}`, () => search(prepared, prisma), { staleWhileSyncing: true });
}

/** The /api/trials body, serialised once per cached search (the hot path under load). */
export async function runSearchJson(prisma: PrismaClient, prepared: PreparedSearch): Promise<string> {
  return cached(prisma, `json:${keyOf(prepared)}`, async () => JSON.stringify({ ...(await search(prepared, prisma)), place: prepared.place }), { staleWhileSyncing: true });
}
