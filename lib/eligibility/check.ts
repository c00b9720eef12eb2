import type { CheckResult, EligibilityRules, Profile, ProfileKey, RuleKey, Verdict } from "./schema";

/**
 * SPEC §9 "From rules and answers to a result": one result per question of the profile, in the
 * profile's order. Pure and synchronous: it runs for every trial of a search on each request, and
 * in the browser never (the answers go to the server only in POST bodies).
 *
 * - `not-asked`: the trial states nothing the reader could encode for this question.
 * - `ask`: the trial has a rule but the question is unanswered, or the patient cannot know from
 *   their answer (an at-the-treated-level surgery rule, an injection rule with no time window).
 * - `fails` / `meets`: the answer conflicts / does not conflict with the rule.
 *
 * The "why" sentences inform and never advise: they say what the record states and what the
 * answer was, and leave the decision to the study team.
 */

export type Check = { question: ProfileKey; result: CheckResult; criterion: string | null; why: string };
export type CheckOutcome = { verdict: Verdict; checks: Check[] };

/** The rule key(s) whose quote is the criterion behind each question. */
export const QUESTION_RULES: Record<ProfileKey, RuleKey[]> = {
  age: ["age"],
  sex: ["sex"],
  painArea: ["painArea"],
  painMonths: ["painMonths"],
  legPain: ["legPain"],
  conservativeMonths: ["conservativeMonths", "conservativeRequired"],
  spineSurgery: ["spineSurgery"],
  priorCellTherapy: ["priorCellTherapy"],
  spineInjectionWeeksAgo: ["spineInjectionWeeks"],
  pregnant: ["pregnancy"],
  bmi: ["bmiMax"],
  cancerYearsAgo: ["cancer"],
  diabetes: ["diabetes"],
  immunosuppressants: ["immunosuppressants"],
  autoimmune: ["autoimmune"],
  bleeding: ["bleeding"],
  smoker: ["smoking"],
  opioids: ["opioids"],
  osteoporosis: ["osteoporosis"],
  painfulLevels: ["painfulLevelsMax"],
  imaging: ["imagingRequired"],
};

export const QUESTION_ORDER = Object.keys(QUESTION_RULES) as ProfileKey[];

export type Judged = { result: CheckResult; why: string };

/** 0.92 → "0.9", 12 → "12". */
export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}
const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

function rangeText(r: { min: number | null; max: number | null }, unit: string): string {
  if (r.min !== null && r.max !== null) return `${num(r.min)} to ${num(r.max)} ${unit}`;
  if (r.min !== null) return `at least ${plural(r.min, unit.replace(/s$/, ""), unit)}`;
  return `at most ${plural(r.max ?? 0, unit.replace(/s$/, ""), unit)}`;
}

// Most of a trial's 21 checks are this one (8 in 10 over the bundled records): kept short, it is a
// quarter of the bytes of a 500-trial /api/fit answer. The pages do not show it.
const NOT_ASKED: Judged = { result: "not-asked", why: "No rule about this was found in the record." };
const unanswered = (rule: string): Judged => ({ result: "ask", why: `${rule} You have not answered this question, so ask the study team.` });
const yesNo = (b: boolean) => (b ? "yes" : "no");

function inRange(value: number, r: { min: number | null; max: number | null }): boolean {
  return (r.min === null || value >= r.min) && (r.max === null || value <= r.max);
}

/** The yes/no exclusions: `excluded` fails for true. */
function exclusion(rule: "excluded" | "not-stated", answer: boolean | undefined, what: string): Judged {
  if (rule === "not-stated") return NOT_ASKED;
  const stated = `The study does not take people who ${what}.`;
  if (answer === undefined) return unanswered(stated);
  return answer ? { result: "fails", why: `${stated} You answered yes.` } : { result: "meets", why: `${stated} You answered no.` };
}

/** One question's result and sentence; it depends on the rules of `QUESTION_RULES[q]` and the answers only. */
export function judge(q: ProfileKey, rules: EligibilityRules, p: Profile): Judged {
  switch (q) {
    case "age": {
      const r = rules.age;
      if (r.min === null && r.max === null) return NOT_ASKED;
      const stated = `The study takes people aged ${rangeText(r, "years")}.`;
      if (p.age === undefined) return unanswered(stated);
      return { result: inRange(p.age, r) ? "meets" : "fails", why: `${stated} You said you are ${num(p.age)}.` };
    }
    case "sex": {
      if (rules.sex === "all") return NOT_ASKED;
      const stated = `The study takes ${rules.sex === "female" ? "women" : "men"} only.`;
      if (p.sex === undefined) return unanswered(stated);
      return { result: p.sex === rules.sex ? "meets" : "fails", why: `${stated} You answered ${p.sex}.` };
    }
    case "painArea": {
      if (rules.painArea === "any") return NOT_ASKED;
      const stated = `The study is about ${rules.painArea === "neck" ? "neck" : "low back"} pain.`;
      if (p.painArea === undefined) return unanswered(stated);
      const fails = (rules.painArea === "low-back" && p.painArea === "neck") || (rules.painArea === "neck" && p.painArea === "low-back");
      const said = p.painArea === "both" ? "both low back and neck" : p.painArea === "neck" ? "neck" : "low back";
      return { result: fails ? "fails" : "meets", why: `${stated} You said your pain is in the ${said}.` };
    }
    case "painMonths": {
      const r = rules.painMonths;
      if (r.min === null && r.max === null) return NOT_ASKED;
      const stated = `The study asks for pain lasting ${rangeText(r, "months")}.`;
      if (p.painMonths === undefined) return unanswered(stated);
      return { result: inRange(p.painMonths, r) ? "meets" : "fails", why: `${stated} You said ${plural(p.painMonths, "month")}.` };
    }
    case "legPain": {
      if (rules.legPain === "not-stated") return NOT_ASKED;
      const stated = rules.legPain === "required" ? "The study asks for pain that spreads down a leg." : "The study does not take people whose pain spreads down a leg.";
      if (p.legPain === undefined) return unanswered(stated);
      const fails = rules.legPain === "required" ? !p.legPain : p.legPain;
      return { result: fails ? "fails" : "meets", why: `${stated} You answered ${yesNo(p.legPain)}.` };
    }
    case "conservativeMonths": {
      const min = rules.conservativeMonths.min;
      if (min === null && !rules.conservativeRequired) return NOT_ASKED;
      const stated =
        min !== null
          ? `The study asks that non-surgical care was tried for at least ${plural(min, "month")}.`
          : "The study asks that non-surgical care (physical therapy, medicines, injections) was tried first.";
      if (p.conservativeMonths === undefined) return unanswered(stated);
      const fails = min !== null ? p.conservativeMonths < min : p.conservativeMonths === 0;
      const said = p.conservativeMonths === 0 ? "You said you have not tried it." : `You said ${plural(p.conservativeMonths, "month")}.`;
      return { result: fails ? "fails" : "meets", why: `${stated} ${said}` };
    }
    case "spineSurgery": {
      const r = rules.spineSurgery;
      if (r === "not-stated") return NOT_ASKED;
      if (r === "required") {
        const stated = "The study is for people who have had an operation on the spine before.";
        if (p.spineSurgery === undefined) return unanswered(stated);
        return { result: p.spineSurgery ? "meets" : "fails", why: `${stated} You answered ${yesNo(p.spineSurgery)}.` };
      }
      if (r === "excluded-any") return exclusion("excluded", p.spineSurgery, "have had an operation on the spine");
      const stated = "The study does not take people who have had an operation at or next to the disc it treats.";
      if (p.spineSurgery === undefined) return unanswered(stated);
      return p.spineSurgery
        ? { result: "ask", why: `${stated} You have had spine surgery; whether it was at that level is for the study team to say.` }
        : { result: "meets", why: `${stated} You said you have had no spine operation.` };
    }
    case "priorCellTherapy":
      return exclusion(rules.priorCellTherapy, p.priorCellTherapy, "have had a stem-cell, cell or other biologic treatment before");
    case "spineInjectionWeeksAgo": {
      const r = rules.spineInjectionWeeks;
      if (r === "not-stated") return NOT_ASKED;
      const n = r.excludedWithin;
      const stated =
        n === null ? "The study does not take people who have had certain spinal injections before." : `The study does not take people who had a spinal injection in the last ${plural(n, "week")}.`;
      const a = p.spineInjectionWeeksAgo;
      if (a === undefined) return unanswered(stated);
      if (a === null) return { result: "meets", why: `${stated} You said you have never had one.` };
      if (n === null) return { result: "ask", why: `${stated} You had one ${plural(a, "week")} ago; whether that kind counts is for the study team to say.` };
      return { result: a < n ? "fails" : "meets", why: `${stated} You said your last was ${plural(a, "week")} ago.` };
    }
    case "pregnant":
      return exclusion(rules.pregnancy, p.pregnant, "are pregnant or breastfeeding");
    case "bmi": {
      const max = rules.bmiMax;
      if (max === null) return NOT_ASKED;
      const stated = `The study takes people with a body mass index (BMI) up to ${num(max)}.`;
      if (p.bmi === undefined) return unanswered(stated);
      return { result: p.bmi > max ? "fails" : "meets", why: `${stated} Yours is ${num(p.bmi)}.` };
    }
    case "cancerYearsAgo": {
      const r = rules.cancer;
      if (r === "not-stated") return NOT_ASKED;
      const stated =
        r === "excluded-any-history"
          ? "The study does not take people who have ever had cancer."
          : r === "excluded-active"
            ? "The study does not take people who have cancer now."
            : `The study does not take people who had cancer in the last ${plural(r.excludedWithinYears, "year")}.`;
      const a = p.cancerYearsAgo;
      if (a === undefined) return unanswered(stated);
      if (a === null) return { result: "meets", why: `${stated} You said you have never had cancer.` };
      const fails = r === "excluded-any-history" ? true : r === "excluded-active" ? a === 0 : a < r.excludedWithinYears;
      const said = a === 0 ? "You said you have cancer now." : `You said ${plural(a, "year")} ago.`;
      return { result: fails ? "fails" : "meets", why: `${stated} ${said}` };
    }
    case "diabetes": {
      const r = rules.diabetes;
      if (r === "not-stated") return NOT_ASKED;
      const stated = r === "excluded-any" ? "The study does not take people with diabetes." : "The study does not take people whose diabetes is not under control.";
      if (p.diabetes === undefined) return unanswered(stated);
      const fails = r === "excluded-any" ? p.diabetes !== "none" : p.diabetes === "uncontrolled";
      const said = p.diabetes === "none" ? "You said you do not have diabetes." : `You said yours is ${p.diabetes === "controlled" ? "under control" : "not under control"}.`;
      return { result: fails ? "fails" : "meets", why: `${stated} ${said}` };
    }
    case "immunosuppressants":
      return exclusion(rules.immunosuppressants, p.immunosuppressants, "take drugs that weaken the immune system or long-term steroids");
    case "autoimmune":
      return exclusion(rules.autoimmune, p.autoimmune, "have an autoimmune or inflammatory joint disease");
    case "bleeding":
      return exclusion(rules.bleeding, p.bleeding, "have a bleeding disorder or take blood thinners");
    case "smoker":
      return exclusion(rules.smoking, p.smoker, "smoke or use nicotine");
    case "opioids":
      return exclusion(rules.opioids, p.opioids, "take opioid pain medicine");
    case "osteoporosis":
      return exclusion(rules.osteoporosis, p.osteoporosis, "have osteoporosis");
    case "painfulLevels": {
      const max = rules.painfulLevelsMax;
      if (max === null) return NOT_ASKED;
      const stated = `The study treats at most ${plural(max, "painful disc")}.`;
      if (p.painfulLevels === undefined) return unanswered(stated);
      return { result: p.painfulLevels > max ? "fails" : "meets", why: `${stated} You said ${plural(p.painfulLevels, "disc")}.` };
    }
    case "imaging": {
      if (rules.imagingRequired === "not-stated") return NOT_ASKED;
      const stated = "The study asks for an MRI or CT showing disc degeneration or a herniated disc.";
      if (p.imaging === undefined) return unanswered(stated);
      return { result: p.imaging ? "meets" : "fails", why: `${stated} You answered ${yesNo(p.imaging)}.` };
    }
  }
}

/** The record's own words behind a question's rule; "structured" quotes become a plain description. */
export function criterionFor(q: ProfileKey, rules: EligibilityRules, quotes: Record<string, string>): string | null {
  for (const key of QUESTION_RULES[q]) {
    const quote = quotes[key];
    if (!quote) continue;
    if (quote !== "structured") return quote;
    // The record's structured fields, in the words ClinicalTrials.gov shows them with.
    if (key === "age") {
      const { min, max } = rules.age;
      return `Ages: ${min !== null && max !== null ? `${num(min)} to ${num(max)} years` : min !== null ? `${num(min)} years and older` : `up to ${num(max ?? 0)} years`}`;
    }
    if (key === "sex") return `Sex: ${rules.sex === "female" ? "Female" : "Male"}`;
  }
  return null;
}

/** SPEC §9's mapping for one trial. `quotes` (the rule reader's) fill each check's `criterion`. */
export function checkRules(rules: EligibilityRules, profile: Profile, quotes: Record<string, string> = {}): CheckOutcome {
  const checks = QUESTION_ORDER.map((question): Check => {
    const { result, why } = judge(question, rules, profile);
    return { question, result, criterion: result === "not-asked" ? null : criterionFor(question, rules, quotes), why };
  });
  return { verdict: checks.some((c) => c.result === "fails") ? "ruled-out" : "no-conflict", checks };
}
