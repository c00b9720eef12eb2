import type { ExportedTrial } from "./data";

// One row per trial with its nearest site (SPEC §6). Cells that a spreadsheet would read as a
// formula get a leading apostrophe: record text is data, never code. Spreadsheets skip leading
// spaces and read fullwidth and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) as the ASCII ones, so those count too.
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]|^[\t\r\n]/;

export const CSV_HEADER = [
  "nct_id",
  "title",
  "status",
  "phase",
  "therapy",
  "source",
  "donor",
  "route",
  "flags",
  "nearest_site",
  "site_city",
  "site_state",
  "site_country",
  "site_status",
  "distance_miles",
  "sponsor",
  "last_updated",
  // Results: posted on ClinicalTrials.gov (yes/no) and since when; a publication the record marks as
  // reporting results (yes/no) and how many it lists.
  "results_posted",
  "results_first_posted",
  "results_published",
  "result_publications",
  "url",
] as const;

export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

export function trialCsvRow(t: ExportedTrial): string {
  const s = t.nearestSite;
  return csvRow([
    t.nctId,
    t.title,
    t.status,
    t.phase.join(";"),
    t.therapy.join(";"),
    t.source.join(";"),
    t.donor,
    t.route.join(";"),
    t.flags.join(";"),
    s?.facility,
    s?.city,
    s?.state,
    s?.country,
    s?.status,
    s?.distanceMiles,
    t.sponsor,
    t.lastUpdated,
    yesNo(t.resultsPosted),
    t.resultsFirstPosted,
    yesNo(t.resultsPublished),
    t.resultPublications,
    `https://clinicaltrials.gov/study/${t.nctId}`,
  ]);
}
