import type { Profile, ProfileKey } from "./schema";

/**
 * The 21 questions as the pages ask them (SPEC §9's wording, in plain words), grouped, with the
 * short name a card uses ("Rules you out: age, smoking"). No zod here: the browser loads this, and
 * the server validates every answer it receives anyway.
 */

export type QuestionKind = "number" | "yes-no" | "choice" | "weeks-or-never" | "years-or-never" | "bmi";

export type Question = {
  key: ProfileKey;
  text: string;
  short: string;
  kind: QuestionKind;
  hint?: string;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  choices?: { value: string; label: string }[];
};

export const QUESTION_GROUPS: { title: string; questions: Question[] }[] = [
  {
    title: "About you",
    questions: [
      { key: "age", text: "How old are you?", short: "age", kind: "number", unit: "years", min: 0, max: 130 },
      {
        key: "sex",
        text: "Sex (as trials record it)",
        short: "sex",
        kind: "choice",
        choices: [
          { value: "female", label: "Female" },
          { value: "male", label: "Male" },
        ],
      },
      { key: "pregnant", text: "Are you pregnant or breastfeeding?", short: "pregnancy or breastfeeding", kind: "yes-no" },
      { key: "bmi", text: "Body mass index (BMI)", short: "body mass index", kind: "bmi", hint: "Enter your height and weight and it is worked out here, in your browser; only the result is used.", min: 10, max: 100 },
    ],
  },
  {
    title: "Your pain",
    questions: [
      {
        key: "painArea",
        text: "Where is the pain?",
        short: "where the pain is",
        kind: "choice",
        choices: [
          { value: "low-back", label: "Low back" },
          { value: "neck", label: "Neck" },
          { value: "both", label: "Both" },
        ],
      },
      { key: "painMonths", text: "How many months have you had this pain?", short: "how long you have had the pain", kind: "number", unit: "months", min: 0, max: 1200 },
      { key: "legPain", text: "Does pain spread down a leg (sciatica)?", short: "leg pain", kind: "yes-no" },
      { key: "painfulLevels", text: "How many discs does your doctor think cause the pain?", short: "number of painful discs", kind: "number", unit: "discs", min: 0, max: 30, integer: true },
      { key: "imaging", text: "Has an MRI or CT shown disc degeneration or a herniated disc?", short: "MRI or CT findings", kind: "yes-no" },
    ],
  },
  {
    title: "Treatment so far",
    questions: [
      {
        key: "conservativeMonths",
        text: "For how many months have you tried non-surgical care (physical therapy, medicines, injections)?",
        short: "non-surgical care tried",
        kind: "number",
        unit: "months",
        hint: "0 if none.",
        min: 0,
        max: 1200,
      },
      { key: "spineSurgery", text: "Have you had an operation on your spine?", short: "earlier spine surgery", kind: "yes-no" },
      { key: "priorCellTherapy", text: "Have you had a stem-cell, cell or other biologic treatment before?", short: "earlier cell or biologic treatment", kind: "yes-no" },
      {
        key: "spineInjectionWeeksAgo",
        text: "How many weeks ago was your last spinal injection (epidural, disc or facet)?",
        short: "recent spinal injection",
        kind: "weeks-or-never",
        unit: "weeks ago",
        min: 0,
        max: 5200,
      },
      { key: "opioids", text: "Do you take opioid pain medicine now?", short: "opioid pain medicine", kind: "yes-no" },
    ],
  },
  {
    title: "Other health conditions",
    questions: [
      { key: "cancerYearsAgo", text: "Have you had cancer?", short: "cancer", kind: "years-or-never", unit: "years ago", hint: "0 if you have it now.", min: 0, max: 130 },
      {
        key: "diabetes",
        text: "Do you have diabetes?",
        short: "diabetes",
        kind: "choice",
        choices: [
          { value: "none", label: "No" },
          { value: "controlled", label: "Yes, under control" },
          { value: "uncontrolled", label: "Yes, not under control" },
        ],
      },
      { key: "immunosuppressants", text: "Do you take drugs that weaken the immune system, or steroids long-term?", short: "immune-weakening drugs or steroids", kind: "yes-no" },
      {
        key: "autoimmune",
        text: "Do you have an autoimmune or inflammatory joint disease (rheumatoid arthritis, lupus, ankylosing spondylitis…)?",
        short: "autoimmune or inflammatory joint disease",
        kind: "yes-no",
      },
      { key: "bleeding", text: "Do you have a bleeding disorder or take blood thinners?", short: "bleeding disorder or blood thinners", kind: "yes-no" },
      { key: "smoker", text: "Do you smoke or use nicotine?", short: "smoking or nicotine", kind: "yes-no" },
      { key: "osteoporosis", text: "Do you have osteoporosis?", short: "osteoporosis", kind: "yes-no" },
    ],
  },
];

export const QUESTIONS: Question[] = QUESTION_GROUPS.flatMap((g) => g.questions);
export const QUESTION_BY_KEY = Object.fromEntries(QUESTIONS.map((q) => [q.key, q])) as Record<ProfileKey, Question>;

/** BMI from metric or US units; null when either is missing or the result is outside what a person can have. */
export function bmiFrom(height: number, weight: number, units: "metric" | "us"): number | null {
  if (!(height > 0) || !(weight > 0)) return null;
  const bmi = units === "metric" ? weight / (height / 100) ** 2 : (703 * weight) / height ** 2;
  return bmi >= 10 && bmi <= 100 ? Math.round(bmi * 10) / 10 : null;
}

const CHOICES: Partial<Record<ProfileKey, readonly string[]>> = {
  sex: ["female", "male"],
  painArea: ["low-back", "neck", "both"],
  diabetes: ["none", "controlled", "uncontrolled"],
};

/**
 * Answers read back from browser storage, keeping only well-formed ones (storage can hold anything:
 * an older version's keys, a hand edit). The server validates again.
 */
export function cleanProfile(value: unknown): Profile {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const v = (value as Record<string, unknown>)[q.key];
    if (v === undefined) continue;
    const okNumber = typeof v === "number" && Number.isFinite(v) && v >= (q.min ?? 0) && v <= (q.max ?? Infinity) && (!q.integer || Number.isInteger(v));
    if (q.kind === "yes-no" ? typeof v === "boolean" : q.kind === "choice" ? CHOICES[q.key]?.includes(v as string) : q.kind.endsWith("-or-never") ? v === null || okNumber : okNumber) {
      out[q.key] = v;
    }
  }
  return out as Profile;
}
