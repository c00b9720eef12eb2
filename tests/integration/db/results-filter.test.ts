import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { CSV_HEADER } from "../../../lib/search/csv";
import { allMatches, searchTrials } from "../../../lib/search/data";
import { parseSearch, type SearchFilters } from "../../../lib/search/schema";
import { getTrial } from "../../../lib/trials/data";
import { fileWorld } from "../helpers/world";

// `results=posted` (SPEC §6) on a database filled by a real sync: trials with results posted on
// ClinicalTrials.gov or a publication the record marks as reporting results, checked against the
// stored raw records; its facet count; and the migration's backfill of rows written before it.

const world = fileWorld({ synced: true });

const f = (qs: string): SearchFilters => {
  const p = parseSearch(new URLSearchParams(qs));
  expect(p.errors).toEqual([]);
  return p.filters;
};
async function ids(filters: SearchFilters) {
  const out: string[] = [];
  for await (const t of allMatches(world.database.prisma, filters, null)) out.push(t.nctId);
  return out.sort();
}
/** Straight from the stored records, not from the columns the search reads. */
const DIRECT = `SELECT nct_id FROM trial WHERE removed_at IS NULL AND (
  (raw->>'hasResults')::boolean IS TRUE
  OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(raw #> '{protocolSection,referencesModule,references}', '[]'::jsonb)) r WHERE r->>'type' = 'RESULT'))`;

describe("results=posted", () => {
  it("matches exactly the trials whose record has posted results or a results publication, with the facet counting them", async () => {
    const withResults = (await world.database.prisma.$queryRawUnsafe<{ nct_id: string }[]>(`${DIRECT} ORDER BY nct_id`)).map((r) => r.nct_id);
    expect(withResults.length).toBeGreaterThan(10);
    const all = f("therapy=cell-therapy,prp,acellular-biologic,other&status=any");
    const posted = { ...all, results: "posted" as const };
    expect(await ids(posted)).toEqual(withResults);
    // The facet is counted with every other filter applied.
    const plain = await searchTrials(world.database.prisma, all, null);
    expect(plain.facets.results.posted).toBe(withResults.length);
    const filtered = await searchTrials(world.database.prisma, posted, null);
    expect(filtered.total).toBe(withResults.length);
    expect(filtered.trials.every((t) => t.resultsPosted || t.resultsPublished)).toBe(true);
    // Both kinds occur in the bundled records: posted on the register only, and published only.
    expect(filtered.trials.some((t) => t.resultsPosted && !t.resultsPublished)).toBe(true);
    expect(filtered.trials.some((t) => !t.resultsPosted && t.resultsPublished)).toBe(true);
  });

  it("combines with the other filters (completed trials only)", async () => {
    const direct = (await world.database.prisma.$queryRawUnsafe<{ nct_id: string }[]>(`${DIRECT} AND overall_status = 'COMPLETED' ORDER BY nct_id`)).map((r) => r.nct_id);
    const filters = f("therapy=cell-therapy,prp,acellular-biologic,other&status=completed&results=posted");
    expect(await ids(filters)).toEqual(direct);
    const counts = await searchTrials(world.database.prisma, { ...filters, results: undefined }, null);
    expect(counts.facets.results.posted).toBe(direct.length);
  });

  it("the migration's backfill gives rows written before it the same flags", async () => {
    // Undo the flags as an older version would have left them, then run the migration's statements again.
    await world.database.prisma.$executeRawUnsafe(`UPDATE trial SET results_published = false`);
    await world.database.prisma.$executeRawUnsafe(`UPDATE trial_search SET results = false`);
    const { readFileSync } = await import("node:fs");
    const sql = readFileSync("prisma/migrations/20261206110000_results_flags/migration.sql", "utf8");
    const backfill = sql.slice(sql.indexOf("UPDATE \"trial\" t SET results_published"));
    for (const stmt of backfill.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await world.database.prisma.$executeRawUnsafe(stmt);
    const withResults = (await world.database.prisma.$queryRawUnsafe<{ nct_id: string }[]>(`${DIRECT} ORDER BY nct_id`)).map((r) => r.nct_id);
    expect(await ids(f("therapy=cell-therapy,prp,acellular-biologic,other&status=any&results=posted"))).toEqual(withResults);
  });

  it("the trial page data carries the record's evidence and dates", async () => {
    const t = await getTrial(world.database.prisma, "NCT01367860");
    expect(t?.evidence.results?.started).toBe(40);
    expect(t?.evidence.publications.some((p) => p.reportsResults && p.pubmedUrl)).toBe(true);
    expect(t?.dates.completion).toEqual({ date: "2013-01", precision: "month", type: "actual" });
  });
});

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe("the CSV export's results columns", () => {
  it("say for every trial what its stored record says: results posted and since when, results publications and how many", async () => {
    const csv = await import("../../../app/api/trials.csv/route");
    const res = await csv.GET(new NextRequest("http://127.0.0.1/api/trials.csv?therapy=cell-therapy,prp,acellular-biologic,other&status=any"));
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    expect(header).toEqual([...CSV_HEADER]);
    const col = (name: (typeof CSV_HEADER)[number]) => header!.indexOf(name);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw v2 records, read as this test needs them
    const raws = await world.database.prisma.$queryRawUnsafe<{ nct_id: string; raw: any }[]>(`SELECT nct_id, raw FROM trial WHERE removed_at IS NULL`);
    expect(rows).toHaveLength(raws.length);
    const byId = new Map(raws.map((r) => [r.nct_id, r.raw]));
    let posted = 0;
    let published = 0;
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      const raw = byId.get(row[col("nct_id")]!)!;
      const refs: unknown[] = Array.isArray(raw.protocolSection?.referencesModule?.references) ? raw.protocolSection.referencesModule.references : [];
      const resultRefs = refs.filter((r) => (r as { type?: string } | null)?.type === "RESULT").length;
      const firstPosted: string = raw.protocolSection?.statusModule?.resultsFirstPostDateStruct?.date ?? "";
      expect(row[col("results_posted")], row[0]).toBe(raw.hasResults ? "yes" : "no");
      expect(row[col("results_first_posted")], row[0]).toBe(firstPosted);
      expect(row[col("results_published")], row[0]).toBe(resultRefs > 0 ? "yes" : "no");
      expect(row[col("result_publications")], row[0]).toBe(String(resultRefs));
      if (raw.hasResults) posted++;
      if (resultRefs > 0) published++;
    }
    // The bundled records have both kinds, and posted results always come with their date.
    expect(posted).toBeGreaterThan(0);
    expect(published).toBeGreaterThan(0);
    expect(rows.filter((r) => r[col("results_posted")] === "yes").every((r) => /^\d{4}-\d{2}(-\d{2})?$/.test(r[col("results_first_posted")]!))).toBe(true);
  });
});
