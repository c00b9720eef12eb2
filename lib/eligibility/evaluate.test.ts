import { describe, expect, it } from "vitest";
import { annotationSchema, generateProfiles, rulesOf, heldOut, joinDevelopment, sameValue, score, summaryLine } from "./evaluate";
import { NOTHING_STATED, profileSchema, RULE_KEYS, type EligibilityRules } from "./schema";

const rules = (over: Partial<EligibilityRules>): EligibilityRules => ({ ...NOTHING_STATED, ...over });

describe("sameValue", () => {
  it("counts numbers within 10% of the larger as the same, in objects too", () => {
    expect(sameValue(1.38, 1.4)).toBe(true);
    expect(sameValue(13, 13.04)).toBe(true);
    expect(sameValue(30, 35)).toBe(false);
    expect(sameValue({ min: 0.92, max: null }, { min: 1, max: null })).toBe(true);
    expect(sameValue({ min: 6, max: null }, { min: null, max: null })).toBe(false);
    expect(sameValue({ excludedWithin: 13 }, "not-stated")).toBe(false);
    expect(sameValue(null, 0)).toBe(false);
  });
});

describe("joinDevelopment and heldOut", () => {
  const ids = (xs: { nctId: string }[]) => xs.map((x) => x.nctId);

  it("joins the looked-at files into one development set, each record once, naming repeats", () => {
    const a = [{ nctId: "NCT00000001" }, { nctId: "NCT00000002" }];
    const b = [{ nctId: "NCT00000003" }, { nctId: "NCT00000001" }];
    const joined = joinDevelopment([a, b]);
    expect(ids(joined.records)).toEqual(["NCT00000001", "NCT00000002", "NCT00000003"]);
    expect(joined.repeated).toEqual(["NCT00000001"]);
  });

  it("leaves development records out of validation and names them", () => {
    const dev = [{ nctId: "NCT00000001" }, { nctId: "NCT00000002" }];
    const fresh = [{ nctId: "NCT00000009" }, { nctId: "NCT00000002" }];
    const v = heldOut(fresh, dev);
    expect(ids(v.records)).toEqual(["NCT00000009"]);
    expect(v.overlap).toEqual(["NCT00000002"]);
    expect(heldOut([], dev)).toEqual({ records: [], overlap: [] });
  });
});

describe("generateProfiles", () => {
  it("gives valid, fully answered, reproducible profiles", () => {
    const p = generateProfiles(50);
    expect(p).toEqual(generateProfiles(50));
    for (const profile of p) expect(Object.keys(profileSchema.parse(profile))).toHaveLength(21);
    expect(new Set(p.map((x) => x.age)).size).toBeGreaterThan(10);
  });
});

describe("score", () => {
  const profiles = generateProfiles(200);

  it("gives full agreement and no errors when the reader equals the annotators", () => {
    const r = rules({ pregnancy: "excluded", bmiMax: 35, age: { min: 18, max: 65 } });
    const s = score([{ nctId: "NCT1", expected: r, got: r }], profiles);
    expect([s.agreement, s.falseExclusions, s.missedExclusions]).toEqual([1, 0, 0]);
    expect(s.trueExclusions).toBeGreaterThan(0);
    expect(s.checks).toBe(200 * 21);
  });

  it("counts a rule the annotators do not have as false exclusions, and a rule the reader missed as missed exclusions", () => {
    const expected = rules({ pregnancy: "excluded" });
    const extra = score([{ nctId: "NCT1", expected, got: rules({ pregnancy: "excluded", smoking: "excluded" }) }], profiles);
    const smokers = profiles.filter((p) => p.smoker).length;
    expect(extra.falseExclusions).toBe(smokers);
    expect(extra.missedExclusions).toBe(0);
    expect(extra.agreement).toBeCloseTo((RULE_KEYS.length - 1) / RULE_KEYS.length);

    const missed = score([{ nctId: "NCT1", expected, got: NOTHING_STATED }], profiles);
    expect(missed.missedExclusions).toBe(profiles.filter((p) => p.pregnant).length);
    expect(missed.missedExclusionRate).toBe(1);
    expect(missed.falseExclusions).toBe(0);
  });

  it("does not count an 'ask' as a missed exclusion", () => {
    const s = score([{ nctId: "NCT1", expected: rules({ spineSurgery: "excluded-any" }), got: rules({ spineSurgery: "excluded-at-level" }) }], profiles);
    expect(s.missedExclusions).toBe(0);
    expect(s.trueExclusions).toBe(profiles.filter((p) => p.spineSurgery).length);
  });

  it("prints the last line in the fixed format", () => {
    const s = score([{ nctId: "NCT1", expected: rules({}), got: rules({ smoking: "excluded" }) }], profiles);
    expect(summaryLine(s)).toMatch(/^eval:eligibility agreement 0\.955, false exclusions \d+\.\d\d%, missed exclusions 0\.00%$/);
  });
});

describe("annotationSchema", () => {
  it("reads an annotator's line and its rules", () => {
    const line = { nctId: "NCT01824108", ...rules({ osteoporosis: "excluded" }), quotes: { osteoporosis: "serious osteoporosis" }, note: "n", adjudicated: {} };
    expect(rulesOf(annotationSchema.parse(line))).toEqual(rules({ osteoporosis: "excluded" }));
    expect(annotationSchema.safeParse({ ...line, bmiMax: "35" }).success).toBe(false);
  });
});
