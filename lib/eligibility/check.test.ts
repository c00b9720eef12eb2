import { describe, expect, it } from "vitest";
import { checkRules, QUESTION_RULES } from "./check";
import { NOTHING_STATED, PROFILE_KEYS, RULE_KEYS, type CheckResult, type EligibilityRules, type Profile, type ProfileKey } from "./schema";

const rules = (over: Partial<EligibilityRules>): EligibilityRules => ({ ...NOTHING_STATED, ...over });
const result = (q: ProfileKey, over: Partial<EligibilityRules>, profile: Profile): CheckResult =>
  checkRules(rules(over), profile).checks.find((c) => c.question === q)!.result;

/** [rule override, answer, expected] rows for one question; `undefined` answer = unanswered. */
type Row = [Partial<EligibilityRules>, unknown, CheckResult];
function table(q: ProfileKey, rows: Row[]) {
  it.each(rows)(`${q}: rule %j, answer %j → %s`, (over, answer, expected) => {
    const profile = (answer === undefined ? {} : { [q]: answer }) as Profile;
    expect(result(q, over, profile)).toBe(expected);
  });
}

describe("checkRules: SPEC §9 mapping table", () => {
  describe("ranges fail outside [min, max]", () => {
    table("age", [
      [{ age: { min: 18, max: 65 } }, 17, "fails"],
      [{ age: { min: 18, max: 65 } }, 18, "meets"],
      [{ age: { min: 18, max: 65 } }, 65, "meets"],
      [{ age: { min: 18, max: 65 } }, 66, "fails"],
      [{ age: { min: 18, max: null } }, 90, "meets"],
      [{ age: { min: null, max: 60 } }, 61, "fails"],
      [{ age: { min: 18, max: 65 } }, undefined, "ask"],
      [{ age: { min: null, max: null } }, 40, "not-asked"],
      [{ age: { min: null, max: null } }, undefined, "not-asked"],
    ]);
    table("painMonths", [
      [{ painMonths: { min: 6, max: null } }, 5, "fails"],
      [{ painMonths: { min: 6, max: null } }, 6, "meets"],
      [{ painMonths: { min: 0.92, max: 12 } }, 13, "fails"],
      [{ painMonths: { min: 6, max: null } }, undefined, "ask"],
      [{}, 3, "not-asked"],
    ]);
  });

  describe("maxima fail above, minimum fails below", () => {
    table("bmi", [
      [{ bmiMax: 34.9 }, 35, "fails"],
      [{ bmiMax: 35 }, 35, "meets"],
      [{ bmiMax: 35 }, 22, "meets"],
      [{ bmiMax: 35 }, undefined, "ask"],
      [{}, 40, "not-asked"],
    ]);
    table("painfulLevels", [
      [{ painfulLevelsMax: 1 }, 2, "fails"],
      [{ painfulLevelsMax: 1 }, 1, "meets"],
      [{ painfulLevelsMax: 2 }, 0, "meets"],
      [{ painfulLevelsMax: 2 }, undefined, "ask"],
      [{}, 5, "not-asked"],
    ]);
    table("conservativeMonths", [
      [{ conservativeMonths: { min: 6 }, conservativeRequired: true }, 5, "fails"],
      [{ conservativeMonths: { min: 6 }, conservativeRequired: true }, 6, "meets"],
      [{ conservativeMonths: { min: 1.4 }, conservativeRequired: false }, 0, "fails"],
      // conservativeRequired without a minimum: fails at 0 only.
      [{ conservativeRequired: true }, 0, "fails"],
      [{ conservativeRequired: true }, 0.5, "meets"],
      [{ conservativeRequired: true }, undefined, "ask"],
      [{}, 0, "not-asked"],
    ]);
  });

  describe("sex and pain area", () => {
    table("sex", [
      [{ sex: "female" }, "male", "fails"],
      [{ sex: "female" }, "female", "meets"],
      [{ sex: "male" }, "female", "fails"],
      [{ sex: "male" }, undefined, "ask"],
      [{ sex: "all" }, "male", "not-asked"],
    ]);
    table("painArea", [
      [{ painArea: "low-back" }, "neck", "fails"],
      [{ painArea: "low-back" }, "low-back", "meets"],
      [{ painArea: "low-back" }, "both", "meets"],
      [{ painArea: "neck" }, "low-back", "fails"],
      [{ painArea: "neck" }, "neck", "meets"],
      [{ painArea: "neck" }, "both", "meets"],
      [{ painArea: "neck" }, undefined, "ask"],
      [{ painArea: "any" }, "neck", "not-asked"],
    ]);
  });

  describe("leg pain, surgery, imaging", () => {
    table("legPain", [
      [{ legPain: "required" }, false, "fails"],
      [{ legPain: "required" }, true, "meets"],
      [{ legPain: "excluded" }, true, "fails"],
      [{ legPain: "excluded" }, false, "meets"],
      [{ legPain: "excluded" }, undefined, "ask"],
      [{ legPain: "not-stated" }, true, "not-asked"],
    ]);
    table("spineSurgery", [
      [{ spineSurgery: "excluded-any" }, true, "fails"],
      [{ spineSurgery: "excluded-any" }, false, "meets"],
      // The patient cannot know whether an earlier operation was at the treated level.
      [{ spineSurgery: "excluded-at-level" }, true, "ask"],
      [{ spineSurgery: "excluded-at-level" }, false, "meets"],
      [{ spineSurgery: "required" }, false, "fails"],
      [{ spineSurgery: "required" }, true, "meets"],
      [{ spineSurgery: "required" }, undefined, "ask"],
      [{ spineSurgery: "not-stated" }, true, "not-asked"],
    ]);
    table("imaging", [
      [{ imagingRequired: "required" }, false, "fails"],
      [{ imagingRequired: "required" }, true, "meets"],
      [{ imagingRequired: "required" }, undefined, "ask"],
      [{ imagingRequired: "not-stated" }, false, "not-asked"],
    ]);
  });

  describe("injections and cancer", () => {
    table("spineInjectionWeeksAgo", [
      [{ spineInjectionWeeks: { excludedWithin: 12 } }, 4, "fails"],
      [{ spineInjectionWeeks: { excludedWithin: 12 } }, 11.9, "fails"],
      [{ spineInjectionWeeks: { excludedWithin: 12 } }, 12, "meets"],
      [{ spineInjectionWeeks: { excludedWithin: 12 } }, null, "meets"],
      // A rule with no window, when the patient had an injection: they cannot know if that kind counts.
      [{ spineInjectionWeeks: { excludedWithin: null } }, 300, "ask"],
      [{ spineInjectionWeeks: { excludedWithin: null } }, null, "meets"],
      [{ spineInjectionWeeks: { excludedWithin: 12 } }, undefined, "ask"],
      [{ spineInjectionWeeks: "not-stated" }, 1, "not-asked"],
    ]);
    table("cancerYearsAgo", [
      [{ cancer: "excluded-any-history" }, 30, "fails"],
      [{ cancer: "excluded-any-history" }, 0, "fails"],
      [{ cancer: "excluded-any-history" }, null, "meets"],
      [{ cancer: { excludedWithinYears: 5 } }, 4, "fails"],
      [{ cancer: { excludedWithinYears: 5 } }, 5, "meets"],
      [{ cancer: { excludedWithinYears: 5 } }, null, "meets"],
      [{ cancer: "excluded-active" }, 0, "fails"],
      [{ cancer: "excluded-active" }, 2, "meets"],
      [{ cancer: "excluded-active" }, null, "meets"],
      [{ cancer: "excluded-active" }, undefined, "ask"],
      [{ cancer: "not-stated" }, 0, "not-asked"],
    ]);
  });

  describe("diabetes", () => {
    table("diabetes", [
      [{ diabetes: "excluded-any" }, "controlled", "fails"],
      [{ diabetes: "excluded-any" }, "uncontrolled", "fails"],
      [{ diabetes: "excluded-any" }, "none", "meets"],
      [{ diabetes: "excluded-uncontrolled" }, "uncontrolled", "fails"],
      [{ diabetes: "excluded-uncontrolled" }, "controlled", "meets"],
      [{ diabetes: "excluded-uncontrolled" }, undefined, "ask"],
      [{ diabetes: "not-stated" }, "uncontrolled", "not-asked"],
    ]);
  });

  describe("the yes/no exclusions fail for true", () => {
    const pairs: [ProfileKey, keyof EligibilityRules][] = [
      ["priorCellTherapy", "priorCellTherapy"],
      ["pregnant", "pregnancy"],
      ["immunosuppressants", "immunosuppressants"],
      ["autoimmune", "autoimmune"],
      ["bleeding", "bleeding"],
      ["smoker", "smoking"],
      ["opioids", "opioids"],
      ["osteoporosis", "osteoporosis"],
    ];
    for (const [q, key] of pairs) {
      table(q, [
        [{ [key]: "excluded" }, true, "fails"],
        [{ [key]: "excluded" }, false, "meets"],
        [{ [key]: "excluded" }, undefined, "ask"],
        [{ [key]: "not-stated" }, true, "not-asked"],
      ]);
    }
  });
});

describe("checkRules: verdict, order, criterion, wording", () => {
  it("answers every question once, in the profile's order, and maps every rule key", () => {
    const out = checkRules(NOTHING_STATED, {});
    expect(out.checks.map((c) => c.question)).toEqual(PROFILE_KEYS);
    expect(out.checks.every((c) => c.result === "not-asked" && c.criterion === null)).toBe(true);
    expect(new Set(Object.values(QUESTION_RULES).flat())).toEqual(new Set(RULE_KEYS));
  });

  it("is ruled-out when any question fails, else no-conflict (asks do not rule out)", () => {
    const r = rules({ age: { min: 18, max: 65 }, smoking: "excluded", spineSurgery: "excluded-at-level" });
    expect(checkRules(r, { age: 40, smoker: false, spineSurgery: true }).verdict).toBe("no-conflict");
    expect(checkRules(r, { age: 40, smoker: true }).verdict).toBe("ruled-out");
    expect(checkRules(r, {}).verdict).toBe("no-conflict");
  });

  it("quotes the record's words as the criterion, and describes structured fields", () => {
    const r = rules({ age: { min: 18, max: 65 }, smoking: "excluded", conservativeRequired: true });
    const quotes = { age: "structured", smoking: "Current smokers", conservativeRequired: "Failed conservative care" };
    const byQ = Object.fromEntries(checkRules(r, { smoker: true }, quotes).checks.map((c) => [c.question, c]));
    expect(byQ.smoker!.criterion).toBe("Current smokers");
    expect(byQ.conservativeMonths!.criterion).toBe("Failed conservative care");
    expect(byQ.age!.criterion).toBe("Ages: 18 to 65 years");
    expect(checkRules(rules({ age: { min: 18, max: null }, sex: "female" }), {}, { age: "structured", sex: "structured" }).checks.slice(0, 2).map((c) => c.criterion)).toEqual([
      "Ages: 18 years and older",
      "Sex: Female",
    ]);
    expect(byQ.bmi!.criterion).toBeNull();
  });

  it("writes a plain sentence for every result, never the word eligible", () => {
    const everything = rules({
      age: { min: 18, max: 65 },
      sex: "female",
      painArea: "low-back",
      painMonths: { min: 6, max: null },
      legPain: "excluded",
      conservativeMonths: { min: 6 },
      conservativeRequired: true,
      spineSurgery: "excluded-at-level",
      priorCellTherapy: "excluded",
      spineInjectionWeeks: { excludedWithin: null },
      pregnancy: "excluded",
      bmiMax: 34.9,
      cancer: { excludedWithinYears: 5 },
      diabetes: "excluded-uncontrolled",
      immunosuppressants: "excluded",
      autoimmune: "excluded",
      bleeding: "excluded",
      smoking: "excluded",
      opioids: "excluded",
      osteoporosis: "excluded",
      painfulLevelsMax: 2,
      imagingRequired: "required",
    });
    const profiles: Profile[] = [
      {},
      { age: 70, sex: "male", painArea: "neck", painMonths: 1, legPain: true, conservativeMonths: 0, spineSurgery: true, spineInjectionWeeksAgo: 3, bmi: 40, cancerYearsAgo: 0, diabetes: "uncontrolled", painfulLevels: 3, imaging: false },
      { age: 40, sex: "female", painArea: "both", painMonths: 24, legPain: false, conservativeMonths: 12, spineSurgery: false, spineInjectionWeeksAgo: null, bmi: 22.5, cancerYearsAgo: null, diabetes: "none", painfulLevels: 1, imaging: true },
    ];
    for (const p of profiles) {
      for (const c of [...checkRules(everything, p).checks, ...checkRules(NOTHING_STATED, p).checks]) {
        expect(c.why).toMatch(/^[A-Z].*\.$/);
        expect(c.why).not.toMatch(/eligib/i);
        expect(c.why).not.toMatch(/undefined|null|NaN|\[object/);
      }
    }
  });

  it("says what the record states and what the answer was", () => {
    const c = checkRules(rules({ bmiMax: 34.9 }), { bmi: 36.24 }).checks.find((x) => x.question === "bmi")!;
    expect(c.why).toBe("The study takes people with a body mass index (BMI) up to 34.9. Yours is 36.2.");
  });
});
