import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Place } from "../geo/resolve";
import { PAGE_SIZE, type SearchFilters, statusSlug } from "./schema";
import { emptyFacets, type FacetName, facetsSql, pageSql, type Row, type SearchResult, toSummary, type TrialSummary } from "./sql";

export type { Facets, NearestSite, SearchResult, TrialSummary } from "./sql";

export async function searchTrials(prisma: PrismaClient, f: SearchFilters, place: Place | null): Promise<SearchResult> {
  const fq = facetsSql(f, place);
  const pq = pageSql(f, place, { limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE });
  const [facetRows, rows] = await Promise.all([
    prisma.$queryRawUnsafe<{ f: string; v: string | null; n: number }[]>(fq.sql, ...fq.params),
    prisma.$queryRawUnsafe<Row[]>(pq.sql, ...pq.params),
  ]);
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
  return { total, page: f.page, pageSize: PAGE_SIZE, trials: rows.map(toSummary), facets };
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
