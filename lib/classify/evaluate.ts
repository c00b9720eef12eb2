import { z } from "zod";
import { DONORS, PHASES, ROUTES, SOURCES, THERAPIES, type Classification } from "./schema";

// Scoring of the classifier against hand-labelled records (shared/labels/*.jsonl). Pure: reading
// files and printing live in jobs/eval-classify.ts.

export const labelSchema = z.object({
  nctId: z.string().regex(/^NCT\d{8}$/),
  record: z.string().min(1),
  therapy: z.array(z.enum(THERAPIES)),
  source: z.array(z.enum(SOURCES)),
  donor: z.enum(DONORS).nullable(),
  route: z.array(z.enum(ROUTES)),
  phase: z.array(z.enum(PHASES)),
  note: z.string().optional(),
});
export type Label = z.infer<typeof labelSchema>;

export const SET_ATTRIBUTES = ["therapy", "source", "route", "phase"] as const;
export type SetAttribute = (typeof SET_ATTRIBUTES)[number];
export type Attribute = SetAttribute | "donor";

export type SetScore = { attribute: SetAttribute; precision: number; recall: number; f1: number; exact: number; tp: number; fp: number; fn: number; n: number };
export type DonorScore = { attribute: "donor"; accuracy: number; correct: number; n: number };

export type Disagreement = { nctId: string; attribute: Attribute; expected: string; got: string; note: string };

export type Report = { sets: SetScore[]; donor: DonorScore; disagreements: Disagreement[] };

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function show(values: readonly string[] | string | null): string {
  if (values === null) return "null";
  if (typeof values === "string") return values;
  return values.length === 0 ? "[]" : [...values].sort().join(",");
}

/** Micro precision/recall/F1 and exact-match rate per set attribute, donor accuracy, and every disagreement. */
export function score(pairs: { label: Label; got: Classification }[]): Report {
  const disagreements: Disagreement[] = [];
  const sets = SET_ATTRIBUTES.map((attribute): SetScore => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let exact = 0;
    for (const { label, got } of pairs) {
      const want = new Set<string>(label[attribute]);
      const have = new Set<string>(got[attribute]);
      let same = want.size === have.size;
      for (const v of have) if (want.has(v)) tp++; else { fp++; same = false; }
      for (const v of want) if (!have.has(v)) { fn++; same = false; }
      if (same) exact++;
      else disagreements.push({ nctId: label.nctId, attribute, expected: show([...want]), got: show([...have]), note: label.note ?? "" });
    }
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { attribute, precision, recall, f1, exact: ratio(exact, pairs.length), tp, fp, fn, n: pairs.length };
  });
  let correct = 0;
  for (const { label, got } of pairs) {
    if (label.donor === got.donor) correct++;
    else disagreements.push({ nctId: label.nctId, attribute: "donor", expected: show(label.donor), got: show(got.donor), note: label.note ?? "" });
  }
  disagreements.sort((a, b) => a.nctId.localeCompare(b.nctId) || a.attribute.localeCompare(b.attribute));
  return { sets, donor: { attribute: "donor", accuracy: ratio(correct, pairs.length), correct, n: pairs.length }, disagreements };
}

/** Attributes below the bar (therapy, source, route micro-F1; donor accuracy). */
export function belowBar(report: Report, min: number): string[] {
  const out = report.sets.filter((s) => s.attribute !== "phase" && s.f1 < min).map((s) => `${s.attribute} F1 ${s.f1.toFixed(3)}`);
  if (report.donor.accuracy < min) out.push(`donor accuracy ${report.donor.accuracy.toFixed(3)}`);
  return out;
}

/** The report as plain text: one table, then the disagreements. */
export function formatReport(report: Report): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = ["attribute   precision  recall  F1     exact   (tp/fp/fn, n)"];
  for (const s of report.sets) {
    lines.push(`${s.attribute.padEnd(11)} ${pct(s.precision).padEnd(10)} ${pct(s.recall).padEnd(7)} ${pct(s.f1).padEnd(6)} ${pct(s.exact).padEnd(7)} (${s.tp}/${s.fp}/${s.fn}, ${s.n})`);
  }
  lines.push(`${"donor".padEnd(11)} accuracy ${pct(report.donor.accuracy)} (${report.donor.correct}/${report.donor.n})`);
  lines.push("", `disagreements: ${report.disagreements.length}`);
  for (const d of report.disagreements) {
    lines.push(`${d.nctId}  ${d.attribute.padEnd(8)} expected ${d.expected}  got ${d.got}${d.note ? `  — ${d.note}` : ""}`);
  }
  return lines.join("\n");
}
