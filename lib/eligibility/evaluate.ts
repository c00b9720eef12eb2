import { z } from "zod";
import { mulberry32 } from "../prng";
import { checkRules } from "./check";
import { eligibilityRulesSchema, RULE_KEYS, type EligibilityRules, type Profile, type RuleKey } from "./schema";

/**
 * Scoring of the rule reader against hand-written rules (SPEC §9): per-key agreement (numbers
 * within 10% are the same), and over generated profiles the false exclusions (the reader's rules
 * say `fails` where the annotators' do not) and missed exclusions (the annotators' `fails` that the
 * reader's rules show as `meets` or `not-asked`). Pure: files and printing live in
 * jobs/eval-eligibility.ts.
 */

export const annotationSchema = z.object({
  ...eligibilityRulesSchema.shape,
  nctId: z.string().regex(/^NCT\d{8}$/),
  quotes: z.record(z.string(), z.string()).optional(),
  note: z.string().optional(),
  adjudicated: z.record(z.string(), z.string()).optional(),
});
export type Annotation = z.infer<typeof annotationSchema>;

export function rulesOf(a: Annotation): EligibilityRules {
  const out: Record<string, unknown> = {};
  for (const key of RULE_KEYS) out[key] = a[key];
  return out as EligibilityRules;
}

/**
 * The development records: every annotated file already looked at (dev.jsonl and validation.jsonl
 * since 2026-12-06, docs/decisions/022-eligibility-rule-reader.md), each NCT id once. `repeated`
 * names ids found in more than one file (the first copy is kept).
 */
export function joinDevelopment<T extends { nctId: string }>(files: T[][]): { records: T[]; repeated: string[] } {
  const seen = new Set<string>();
  const records: T[] = [];
  const repeated: string[] = [];
  for (const file of files) {
    for (const r of file) {
      if (seen.has(r.nctId)) repeated.push(r.nctId);
      else {
        seen.add(r.nctId);
        records.push(r);
      }
    }
  }
  return { records, repeated };
}

/**
 * The held-out records that are not also development records: a record the reader was developed on
 * measures nothing about generalisation, so it is left out of validation (and named in `overlap`).
 */
export function heldOut<T extends { nctId: string }>(validation: T[], development: readonly { nctId: string }[]): { records: T[]; overlap: string[] } {
  const dev = new Set(development.map((r) => r.nctId));
  return { records: validation.filter((r) => !dev.has(r.nctId)), overlap: validation.filter((r) => dev.has(r.nctId)).map((r) => r.nctId) };
}

/** Equal, with numbers within 10% of each other (of the larger) counted as the same (SPEC §9). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 0.1 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Patients who answered every question, with values spread over the limits records use (ages 16–85,
 * BMI 17–45, injections from days to years ago, one to five painful discs…).
 */
export function generateProfiles(count: number, seed = 12): Profile[] {
  const r = mulberry32(seed); // the same profiles on every run
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const yes = (p: number) => r() < p;
  const out: Profile[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      age: 16 + Math.floor(r() * 70),
      sex: yes(0.5) ? "female" : "male",
      painArea: pick(["low-back", "low-back", "low-back", "neck", "both"] as const),
      painMonths: pick([0.5, 1, 2, 3, 4, 6, 9, 12, 24, 60, 120, 240]),
      legPain: yes(0.5),
      conservativeMonths: pick([0, 0.5, 1, 1.5, 2, 3, 4, 6, 9, 12, 24]),
      spineSurgery: yes(0.3),
      priorCellTherapy: yes(0.15),
      spineInjectionWeeksAgo: yes(0.4) ? null : pick([0.5, 1, 2, 3, 4, 6, 8, 12, 13, 20, 26, 30, 52, 104]),
      pregnant: yes(0.1),
      bmi: Math.round((17 + r() * 28) * 10) / 10,
      cancerYearsAgo: yes(0.7) ? null : pick([0, 1, 2, 3, 4, 5, 6, 10, 20]),
      diabetes: pick(["none", "none", "none", "controlled", "uncontrolled"] as const),
      immunosuppressants: yes(0.2),
      autoimmune: yes(0.2),
      bleeding: yes(0.2),
      smoker: yes(0.25),
      opioids: yes(0.3),
      osteoporosis: yes(0.2),
      painfulLevels: 1 + Math.floor(r() * 5),
      imaging: yes(0.75),
    });
  }
  return out;
}

export type Pair = { nctId: string; expected: EligibilityRules; got: EligibilityRules };
export type KeyAgreement = { key: RuleKey; agree: number; n: number };
export type Score = {
  records: number;
  perKey: KeyAgreement[];
  agreement: number;
  checks: number;
  falseExclusions: number;
  trueExclusions: number;
  missedExclusions: number;
  falseExclusionRate: number;
  missedExclusionRate: number;
};

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Agreement per key and overall (all record × key pairs), and the exclusion errors over `profiles`. */
export function score(pairs: Pair[], profiles: Profile[]): Score {
  const perKey = RULE_KEYS.map((key): KeyAgreement => ({ key, agree: pairs.filter((p) => sameValue(p.expected[key], p.got[key])).length, n: pairs.length }));
  let checks = 0;
  let falseExclusions = 0;
  let trueExclusions = 0;
  let missedExclusions = 0;
  for (const pair of pairs) {
    for (const profile of profiles) {
      const want = checkRules(pair.expected, profile).checks;
      const have = checkRules(pair.got, profile).checks;
      for (let i = 0; i < want.length; i++) {
        const w = want[i]!.result;
        const h = have[i]!.result;
        checks++;
        if (h === "fails" && w !== "fails") falseExclusions++;
        if (w === "fails") {
          trueExclusions++;
          if (h === "meets" || h === "not-asked") missedExclusions++;
        }
      }
    }
  }
  const agree = perKey.reduce((s, k) => s + k.agree, 0);
  return {
    records: pairs.length,
    perKey,
    agreement: ratio(agree, pairs.length * RULE_KEYS.length),
    checks,
    falseExclusions,
    trueExclusions,
    missedExclusions,
    falseExclusionRate: ratio(falseExclusions, checks),
    missedExclusionRate: ratio(missedExclusions, trueExclusions),
  };
}

/** Every key where the reader and the annotators differ (for the development part only). */
export function differences(pairs: Pair[]): { nctId: string; key: RuleKey; expected: unknown; got: unknown }[] {
  const out: { nctId: string; key: RuleKey; expected: unknown; got: unknown }[] = [];
  for (const p of pairs) for (const key of RULE_KEYS) if (!sameValue(p.expected[key], p.got[key])) out.push({ nctId: p.nctId, key, expected: p.expected[key], got: p.got[key] });
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** The table: one column per named part; then the three figures of each part. */
export function formatTable(parts: { name: string; score: Score }[]): string {
  const width = Math.max(12, ...parts.map((p) => p.name.length + 2));
  const head = `${"key".padEnd(22)}${parts.map((p) => p.name.padStart(width)).join("")}`;
  const rows = RULE_KEYS.map((key, i) => `${key.padEnd(22)}${parts.map((p) => p.score.perKey[i]!).map((k) => `${k.agree}/${k.n}`.padStart(width)).join("")}`);
  const line = (label: string, f: (s: Score) => string) => `${label.padEnd(22)}${parts.map((p) => f(p.score).padStart(width)).join("")}`;
  return [
    head,
    ...rows,
    "",
    line("records", (s) => String(s.records)),
    line("agreement", (s) => s.agreement.toFixed(3)),
    line("checks", (s) => String(s.checks)),
    line("false exclusions", (s) => `${s.falseExclusions} (${pct(s.falseExclusionRate)})`),
    line("true exclusions", (s) => String(s.trueExclusions)),
    line("missed exclusions", (s) => `${s.missedExclusions} (${pct(s.missedExclusionRate)})`),
  ].join("\n");
}

/** The last line of `npm run eval:eligibility`. */
export function summaryLine(s: Score): string {
  return `eval:eligibility agreement ${s.agreement.toFixed(3)}, false exclusions ${pct(s.falseExclusionRate)}, missed exclusions ${pct(s.missedExclusionRate)}`;
}
