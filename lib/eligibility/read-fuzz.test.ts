import { describe, expect, it } from "vitest";
import { readEligibility } from "./read";
import { storedEligibilitySchema } from "./schema";

// Hang guard (issue 19: a heading followed by a long run of spaces froze the server through regular
// expression backtracking). Every hostile text must be read within a generous budget; this is not
// a speed target (bench:eligibility measures speed), only proof that nothing is super-linear. The
// time is this process's CPU time, so other work on a busy machine does not count against it.
const BUDGET_MS = 500;

function cpuMs(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

function record(criteria: string, extra: Record<string, unknown> = {}) {
  return { protocolSection: { identificationModule: { briefTitle: criteria.slice(0, 5000) }, eligibilityModule: { eligibilityCriteria: criteria, ...extra } } };
}

/** A seeded mix of the characters and words the reader's patterns look for. */
function soup(length: number, seed: number): string {
  const parts = [" ", "  ", "\n", "* ", "(", ")", "-", ">", "<=", "\\>", "1", "6", ".", ",", ";", ":", "or ", "no ", "pain ", "weeks ", "months ", "bmi ", "within the past ", "at the index ", "level ", "one ", "surgery ", "cancer ", "diabetes ", "history of ", "injection ", "≥", "e.g. ", "(such as ", "risk of ", "Inclusion Criteria:", "Exclusion Criteria:\n"];
  let s = seed >>> 0;
  let out = "";
  while (out.length < length) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out += parts[s % parts.length];
  }
  return out;
}

const hostile: [string, string][] = [
  ["a heading then 100k spaces", `Inclusion Criteria:${" ".repeat(100_000)}x`],
  ["100k spaces then a word", `${" ".repeat(100_000)}pain`],
  ["100k tabs and spaces mixed", "\t ".repeat(50_000)],
  ["100k newlines", "\n".repeat(100_000)],
  ["repeated bullets on one line", "* ".repeat(50_000)],
  ["repeated bullets, one per line", "\n* ".repeat(33_000)],
  ["repeated numbered markers", "1. ".repeat(33_000)],
  ["deeply repeated '((('", "(".repeat(100_000)],
  ["repeated '((( ' words", "((( ".repeat(25_000)],
  ["one 100k-letter word", "a".repeat(100_000)],
  ["100k digits after a BMI bound", `Exclusion Criteria:\n* BMI > ${"3".repeat(100_000)}`],
  ["a range that never ends", `Inclusion Criteria:\n* pain ${"6-".repeat(40_000)}weeks`],
  ["window words without a number", `Exclusion Criteria:\n* injection ${"within the past ".repeat(6_000)}`],
  ["level words without a count", `Exclusion Criteria:\n* ${"more than one ".repeat(7_000)}level`],
  ["index-level words", `Exclusion Criteria:\n* prior surgery ${"at the index ".repeat(7_000)}`],
  ["'or' chains", `Inclusion Criteria:\n* leg pain ${"or ".repeat(33_000)}`],
  ["escaped comparisons", "\\>".repeat(50_000)],
  ["comparison signs", "≥".repeat(50_000)],
  ["long lines of keywords", Array.from({ length: 400 }, () => "pain surgery cancer diabetes injection bmi ".repeat(40)).join("\n")],
  ["indentation that grows each line", Array.from({ length: 2_000 }, (_, i) => `${" ".repeat(i % 200)}* item:`).join("\n")],
  ["headings only", "Inclusion Criteria:\nExclusion Criteria:\n".repeat(5_000)],
  ["a seeded soup of the reader's own words (1)", soup(100_000, 1)],
  ["a seeded soup of the reader's own words (2)", soup(100_000, 2)],
  ["a seeded soup of the reader's own words (3)", soup(100_000, 3)],
];

describe("readEligibility on hostile text", () => {
  it.each(hostile)("%s: read within the budget, a valid result", (_name, text) => {
    let got: unknown;
    expect(cpuMs(() => (got = readEligibility(record(text))))).toBeLessThan(BUDGET_MS);
    expect(storedEligibilitySchema.safeParse(got).success).toBe(true);
  });

  it("hostile structured fields and many conditions: read within the budget", () => {
    const raw = {
      protocolSection: {
        conditionsModule: { conditions: Array.from({ length: 100_000 }, () => "lumbar ") },
        eligibilityModule: { eligibilityCriteria: "Inclusion Criteria:\n* pain", minimumAge: `${" ".repeat(100_000)}18 Years`, maximumAge: "9".repeat(100_000), sex: "F".repeat(100_000) },
      },
    };
    let got = readEligibility({});
    expect(cpuMs(() => (got = readEligibility(raw)))).toBeLessThan(BUDGET_MS);
    expect(got.rules.age).toEqual({ min: null, max: null });
  });
});
