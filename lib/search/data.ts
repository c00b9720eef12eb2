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

/** Every matching trial's row in result order, a batch at a time. */
async function* matchBatches(prisma: PrismaClient, f: SearchFilters, place: Place | null, batch: number): AsyncGenerator<Row[]> {
  for (let offset = 0; ; offset += batch) {
    const q = pageSql(f, place, { limit: batch, offset });
    const rows = await prisma.$queryRawUnsafe<Row[]>(q.sql, ...q.params);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

/** Every matching trial in result order, in batches (for the CSV export and the print view). */
export async function* allMatches(prisma: PrismaClient, f: SearchFilters, place: Place | null, batch = 500): AsyncGenerator<TrialSummary> {
  for await (const rows of matchBatches(prisma, f, place, batch)) for (const r of rows) yield toSummary(r);
}

/**
 * What the CSV export adds to a trial about its results: the date the record says results were
 * first posted on ClinicalTrials.gov (as written: "2017-06-05", "2017-06"), and how many listed
 * publications the record marks as reporting its results (referencesModule, type RESULT; the same
 * test as the stored `results_published` flag).
 */
export type ResultsDetail = { resultsFirstPosted: string | null; resultPublications: number };
export type ExportedTrial = TrialSummary & ResultsDetail;

const RESULTS_DETAIL_SQL = `SELECT nct_id,
  raw #>> '{protocolSection,statusModule,resultsFirstPostDateStruct,date}' AS first_posted,
  (SELECT count(*)::int FROM jsonb_array_elements(CASE WHEN jsonb_typeof(raw #> '{protocolSection,referencesModule,references}') = 'array'
     THEN raw #> '{protocolSection,referencesModule,references}' ELSE '[]'::jsonb END) r WHERE r ->> 'type' = 'RESULT') AS publications
  FROM trial WHERE nct_id = ANY($1::text[])`;
const RECORD_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

async function resultsDetail(prisma: PrismaClient, ids: string[]): Promise<Map<string, ResultsDetail>> {
  const rows = await prisma.$queryRawUnsafe<{ nct_id: string; first_posted: string | null; publications: number }[]>(RESULTS_DETAIL_SQL, ids);
  return new Map(rows.map((r) => [r.nct_id, { resultsFirstPosted: r.first_posted && RECORD_DATE.test(r.first_posted) ? r.first_posted : null, resultPublications: r.publications }]));
}

/** allMatches with each trial's results detail (the CSV export): one more query per batch, on the stored records. */
export async function* allMatchesForExport(prisma: PrismaClient, f: SearchFilters, place: Place | null, batch = 500): AsyncGenerator<ExportedTrial> {
  for await (const rows of matchBatches(prisma, f, place, batch)) {
    const detail = await resultsDetail(prisma, rows.map((r) => r.nct_id));
    for (const r of rows) yield { ...toSummary(r), ...(detail.get(r.nct_id) ?? { resultsFirstPosted: null, resultPublications: 0 }) };
  }
}
