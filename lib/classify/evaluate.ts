import { z } from "zod";
import type { Classification } from "./schema";
import { DONORS, PHASES, ROUTES, SOURCES, THERAPIES } from "./slugs";

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

// ---- Per-kind confusion ---------------------------------------------------------------------------

export const CONFUSION_ATTRIBUTES = ["therapy", "source", "route", "donor"] as const;
export type ConfusionAttribute = (typeof CONFUSION_ATTRIBUTES)[number];
/** `expected → got` counts; "—" stands for nothing (a value missed with nothing in its place, or added from nothing). */
export type Confusion = Record<ConfusionAttribute, Map<string, number>>;
const NOTHING = "—";

/**
 * Which value was given for which, per attribute. For a set attribute, each record's missed values
 * are paired with its spurious ones (every pair counted once); a miss with no spurious value is
 * `x → —`, a spurious value with no miss is `— → y`. Donor is compared as one value (null as "null").
 */
export function confusion(pairs: { label: Label; got: Classification }[]): Confusion {
  const out = { therapy: new Map(), source: new Map(), route: new Map(), donor: new Map() } as Confusion;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { label, got } of pairs) {
    for (const attribute of ["therapy", "source", "route"] as const) {
      const want = new Set<string>(label[attribute]);
      const have = new Set<string>(got[attribute]);
      const missed = [...want].filter((v) => !have.has(v)).sort();
      const extra = [...have].filter((v) => !want.has(v)).sort();
      if (missed.length === 0) for (const x of extra) bump(out[attribute], `${NOTHING} → ${x}`);
      else if (extra.length === 0) for (const m of missed) bump(out[attribute], `${m} → ${NOTHING}`);
      else for (const m of missed) for (const x of extra) bump(out[attribute], `${m} → ${x}`);
    }
    if (label.donor !== got.donor) bump(out.donor, `${label.donor ?? "null"} → ${got.donor ?? "null"}`);
  }
  return out;
}

/** The two parts' figures side by side, then each part's confusion (validation: counts only, no record ids). */
export function formatSplitReport(dev: Report, devConfusion: Confusion, val?: { report: Report; confusion: Confusion }, absent = "not measured (--development-only)"): string {
  const f = (x: number) => x.toFixed(3);
  const cell = (s: SetScore) => `${f(s.f1)} (${s.tp}/${s.fp}/${s.fn})`.padEnd(22);
  const lines = [`${"".padEnd(10)} ${"development F1 (tp/fp/fn)".padEnd(27)} ${val ? "validation F1 (tp/fp/fn)" : `validation: ${absent}`}`];
  for (const s of dev.sets) {
    const v = val?.report.sets.find((x) => x.attribute === s.attribute);
    lines.push(`${s.attribute.padEnd(10)} ${cell(s).padEnd(27)} ${v ? cell(v) : ""}`.trimEnd());
  }
  const d = (r: Report) => `${f(r.donor.accuracy)} (${r.donor.correct}/${r.donor.n})`;
  lines.push(`${"donor acc".padEnd(10)} ${d(dev).padEnd(27)} ${val ? d(val.report) : ""}`.trimEnd());
  lines.push(`${"records".padEnd(10)} ${String(dev.donor.n).padEnd(27)} ${val ? val.report.donor.n : ""}`.trimEnd());
  const confusionLines = (c: Confusion) => {
    const out: string[] = [];
    for (const a of CONFUSION_ATTRIBUTES) {
      const entries = [...c[a].entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
      out.push(`  ${a.padEnd(8)} ${entries.length === 0 ? "none" : entries.map(([k, n]) => `${k} ×${n}`).join("; ")}`);
    }
    return out;
  };
  lines.push("", "confusion, development (expected → got):", ...confusionLines(devConfusion));
  if (val) lines.push("", "confusion, validation (expected → got; counts only):", ...confusionLines(val.confusion));
  lines.push("", `development disagreements: ${dev.disagreements.length}`);
  for (const x of dev.disagreements) lines.push(`${x.nctId}  ${x.attribute.padEnd(8)} expected ${x.expected}  got ${x.got}${x.note ? `  — ${x.note}` : ""}`);
  return lines.join("\n");
}
