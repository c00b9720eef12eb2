import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Place } from "../geo/resolve";
import { PAGE_SIZE, type SearchFilters, statusSlug } from "./schema";
import { emptyFacets, type Exclude, type FacetName, type Facets, facetsSql, matchIdsSql, pageSql, type Row, type SearchResult, toSummary, type TrialSummary } from "./sql";

export type { Facets, NearestSite, SearchResult, TrialSummary } from "./sql";

export type FacetCounts = { total: number; facets: Facets };

/** The total and the facet counts: they depend on the filters only, not on the sort or the page. */
export async function facetCounts(prisma: PrismaClient, f: SearchFilters, place: Place | null, opts: Exclude = {}): Promise<FacetCounts> {
  const fq = facetsSql(f, place, opts);
  const facetRows = await prisma.$queryRawUnsafe<{ f: string; v: string | null; n: number }[]>(fq.sql, ...fq.params);
  const facets = emptyFacets();
  let total = 0;
  for (const r of facetRows) {
    if (r.f === "total") total = r.n;
    else if (r.v !== null) {
      // Statuses outside the nine (expanded-access ones) count as "unknown", so add rather than set.
      const bucket = facets[r.f as FacetName];
      const key = r.f === "status" ? statusSlug(r.v) : r.v;
      bucket[key] = (bucket[key] ?? 0) + r.n;
    }
  }
  return { total, facets };
}

export async function pageOfTrials(prisma: PrismaClient, f: SearchFilters, place: Place | null, opts: Exclude = {}): Promise<TrialSummary[]> {
  const pq = pageSql(f, place, { limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE, ...opts });
  return (await prisma.$queryRawUnsafe<Row[]>(pq.sql, ...pq.params)).map(toSummary);
}

/** Counts and one page, run side by side. `counts` lets a caller pass cached counts. */
export async function searchTrials(
  prisma: PrismaClient,
  f: SearchFilters,
  place: Place | null,
  counts: (f: SearchFilters, place: Place | null) => Promise<FacetCounts> = (a, b) => facetCounts(prisma, a, b),
): Promise<SearchResult> {
  const [{ total, facets }, trials] = await Promise.all([counts(f, place), pageOfTrials(prisma, f, place)]);
  return { total, page: f.page, pageSize: PAGE_SIZE, trials, facets };
}

/** The ids of every trial a search matches. */
export async function matchingIds(prisma: PrismaClient, f: SearchFilters, place: Place | null): Promise<string[]> {
  const q = matchIdsSql(f, place);
  return (await prisma.$queryRawUnsafe<{ nct_id: string }[]>(q.sql, ...q.params)).map((r) => r.nct_id);
}

/** Every matching trial in result order, in batches (for the CSV export and the print view). */
export async function* allMatches(prisma: PrismaClient, f: SearchFilters, place: Place | null, batch = 500): AsyncGenerator<TrialSummary> {
  for (let offset = 0; ; offset += batch) {
    const q = pageSql(f, place, { limit: batch, offset });
    const rows = await prisma.$queryRawUnsafe<Row[]>(q.sql, ...q.params);
    for (const r of rows) yield toSummary(r);
    if (rows.length < batch) return;
  }
}
