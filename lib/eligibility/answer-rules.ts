import type { Profile, ProfileKey } from "./schema";

/**
 * What each answer may be (its kind and range), without the questions' wording: the /trials island
 * reads the answers back from storage at hydration and needs only this, so the questions' text
 * (lib/eligibility/questions.ts, built on this table) loads when the questions are opened and the
 * short names (./answer-names.ts) with the cards. No zod here either: the server validates every
 * answer it receives.
 */

export type QuestionKind = "number" | "yes-no" | "choice" | "weeks-or-never" | "years-or-never" | "bmi";
export type AnswerRule = { kind: QuestionKind; min?: number; max?: number; integer?: boolean; values?: readonly string[] };

export const ANSWER_RULES: Record<ProfileKey, AnswerRule> = {
  age: { kind: "number", min: 0, max: 130 },
  sex: { kind: "choice", values: ["female", "male"] },
  pregnant: { kind: "yes-no" },
  bmi: { kind: "bmi", min: 10, max: 100 },
  painArea: { kind: "choice", values: ["low-back", "neck", "both"] },
  painMonths: { kind: "number", min: 0, max: 1200 },
  legPain: { kind: "yes-no" },
  painfulLevels: { kind: "number", min: 0, max: 30, integer: true },
  imaging: { kind: "yes-no" },
  conservativeMonths: { kind: "number", min: 0, max: 1200 },
  spineSurgery: { kind: "yes-no" },
  priorCellTherapy: { kind: "yes-no" },
  spineInjectionWeeksAgo: { kind: "weeks-or-never", min: 0, max: 5200 },
  opioids: { kind: "yes-no" },
  cancerYearsAgo: { kind: "years-or-never", min: 0, max: 130 },
  diabetes: { kind: "choice", values: ["none", "controlled", "uncontrolled"] },
  immunosuppressants: { kind: "yes-no" },
  autoimmune: { kind: "yes-no" },
  bleeding: { kind: "yes-no" },
  smoker: { kind: "yes-no" },
  osteoporosis: { kind: "yes-no" },
};

/**
 * Answers read back from browser storage, keeping only well-formed ones (storage can hold anything:
 * an older version's keys, a hand edit). The server validates again.
 */
export function cleanProfile(value: unknown): Profile {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, q] of Object.entries(ANSWER_RULES)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const okNumber = typeof v === "number" && Number.isFinite(v) && v >= (q.min ?? 0) && v <= (q.max ?? Infinity) && (!q.integer || Number.isInteger(v));
    if (q.kind === "yes-no" ? typeof v === "boolean" : q.kind === "choice" ? q.values?.includes(v as string) : q.kind.endsWith("-or-never") ? v === null || okNumber : okNumber) {
      out[key] = v;
    }
  }
  return out as Profile;
}
