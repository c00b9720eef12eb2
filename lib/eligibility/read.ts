import { NOTHING_STATED, type StoredEligibility } from "./schema";

/**
 * The rule reader's version: stored beside each trial's rules, and a trial whose rules were read by
 * an older version is read again at the next sync (as the classifier's version works).
 */
export const RULES_VERSION = 1;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

/** "18 Years" / "6 Months" → years; null when absent or not a duration. */
function ageYears(v: unknown): number | null {
  if (typeof v !== "string") return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day)s?\s*$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  return unit === "year" ? n : unit === "month" ? n / 12 : unit === "week" ? n / 52.18 : n / 365.25;
}

/**
 * A trial's eligibility rules from its raw ClinicalTrials.gov v2 record (never throws). This first
 * version reads only the structured age and sex fields; the criteria text is read by a later version.
 */
export function readEligibility(raw: unknown): StoredEligibility {
  const elig = obj(obj(obj(raw).protocolSection).eligibilityModule);
  const min = ageYears(elig.minimumAge);
  const max = ageYears(elig.maximumAge);
  const sexField = typeof elig.sex === "string" ? elig.sex.toUpperCase() : "";
  const sex = sexField === "FEMALE" ? "female" : sexField === "MALE" ? "male" : "all";
  const quotes: Record<string, string> = {};
  if (min !== null || max !== null) quotes.age = "structured";
  if (sex !== "all") quotes.sex = "structured";
  return { rules: { ...NOTHING_STATED, age: { min, max }, sex }, quotes, uncovered: [] };
}
