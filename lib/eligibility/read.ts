import { parseCriteria, type Criterion } from "./criteria";
import { readConditions } from "./read-conditions";
import { readPainfulLevels, readImaging } from "./read-imaging";
import { readLegPain, readPainArea, readPainMonths } from "./read-pain";
import { readAge, readSex } from "./read-person";
import { readConservative, readPriorCellTherapy, readSpineInjection, readSpineSurgery } from "./read-treatment";
import { readInput, type Finding } from "./reading";
import { NOTHING_STATED, type EligibilityRules, type StoredEligibility } from "./schema";
import { MAX_LINE, matchForm } from "./text";

/**
 * The rule reader's version: stored beside each trial's rules, and a trial whose rules were read by
 * an older version is read again at the next sync (as the classifier's version works).
 * 1: structured age and sex only. 2: the criteria text (SPEC §9, docs/decisions/022-eligibility-rule-reader.md).
 * 3: kinds of errors found on the 54 development records (negated comparisons, run-on headings, at-level
 * wording for every key, care vs pain durations, qualified and causal mentions, allowances in brackets).
 * 4: leg pain, painful levels and conservative-care wording checked on the other ../shared back-pain records.
 * 5: opioids given in hospital or by injection, and cancer named as one cause of something else, are not rules.
 * 6: nor cancer named as the aetiology of the back pain ("neoplastic … aetiology of back pain").
 * 7: an "osteoporotic fracture" is not osteoporosis ruled out.
 * 8: cancer as what an operation is for; no level cap from one of several ways in ("2 or more levels" is one).
 * 9: "surgical history", "operated patients"; prior fusion or disc arthroplasty alone is not any spine
 *    operation; surgery a condition would contraindicate; metabolic bone disease; radiological spine findings.
 * 10: pain durations before their words ("3 months of evolution"); care required in both ways in; "N weeks prior
 *    conservative treatment"; "not the spine" judged on the list item; "strong" opioids; known bone disease.
 * 11: leg pain offered as one way in ("CLBP and/or leg pain") is not required by another inclusion.
 */
export const RULES_VERSION = 11;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

// Giving consent is the patient's own decision, not a question for the study team.
const CONSENT = /\bconsent\b/;
const selfEvident = (c: Criterion): boolean => c.lower.length < 120 && CONSENT.test(c.lower) && !/\b(?:pregnan|contracept|surg|mri|injection)/.test(c.lower);

/**
 * A trial's eligibility rules from its raw ClinicalTrials.gov v2 record: the rules (SPEC §9), the
 * criterion words behind each, and the criteria no rule covers. Never throws; whatever it cannot
 * read with confidence stays `not-stated`.
 */
export function readEligibility(raw: unknown): StoredEligibility {
  const protocol = obj(obj(raw).protocolSection);
  const elig = obj(protocol.eligibilityModule);
  const ident = obj(protocol.identificationModule);
  const text = str(elig.eligibilityCriteria) ?? "";
  const items = parseCriteria(text);
  const about = [str(ident.briefTitle), str(ident.officialTitle), ...strings(obj(protocol.conditionsModule).conditions).slice(0, 50)]
    .filter((s): s is string => s !== null)
    .map((s) => ({ text: s.slice(0, MAX_LINE), lower: matchForm(s.slice(0, MAX_LINE)) }));
  const input = readInput(items, { minAge: str(elig.minimumAge), maxAge: str(elig.maximumAge), sex: str(elig.sex) }, about);

  const findings: Finding[] = [readAge(input)];
  const painArea = readPainArea(input);
  const more = [
    readSex(input),
    painArea,
    readPainMonths(input),
    // Radiculopathy in a neck trial runs down the arm, not the leg.
    painArea?.value === "neck" ? null : readLegPain(input),
    ...readConservative(input),
    readSpineSurgery(input),
    readPriorCellTherapy(input),
    readSpineInjection(input),
    ...readConditions(input),
    readPainfulLevels(input),
    readImaging(input),
  ];
  for (const f of more) if (f) findings.push(f);
  return assemble(items, findings);
}

function assemble(items: Criterion[], findings: Finding[]): StoredEligibility {
  const rules: EligibilityRules = { ...NOTHING_STATED };
  const quotes: Record<string, string> = {};
  const covered = new Set<number>();
  for (const f of findings) {
    (rules as Record<string, unknown>)[f.key] = f.value;
    if (f.from) {
      quotes[f.key] = f.from.text;
      covered.add(f.from.index);
    } else if (f.about) quotes[f.key] = f.about;
    else if (f.key !== "age" || f.value.min !== null || f.value.max !== null) quotes[f.key] = "structured";
  }
  const uncovered = items.filter((c) => !c.intro && !covered.has(c.index) && !selfEvident(c)).map((c) => c.text);
  return { rules, quotes, uncovered };
}
