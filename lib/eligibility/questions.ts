import { ANSWER_NAMES } from "./answer-names";
import { ANSWER_RULES, type QuestionKind } from "./answer-rules";
import type { ProfileKey } from "./schema";

/**
 * The 21 questions as the pages ask them (SPEC §9's wording, in plain words), grouped. Each one's
 * kind and range come from ./answer-rules.ts and short name from ./answer-names.ts (what the first load of
 * /trials needs); this module, the wording, loads only with the questions. No zod here: the browser
 * loads this, and the server validates every answer it receives anyway.
 */

export type { QuestionKind };
export { cleanProfile } from "./answer-rules";

export type QuestionGroupId = "you" | "pain" | "treatment" | "health";

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

// Only the wording lives here; kind, range and short name are joined from the two tables below.
// The English wording is also the `eligibility` catalogue's (lib/i18n/messages/en/eligibility.json,
// `groups` and `questions`), which the pages pass in their language; a unit test keeps the two equal.
const GROUPS: { id: QuestionGroupId; title: string; questions: Pick<Question, "key" | "text" | "hint" | "unit" | "choices">[] }[] = [
  {
    id: "you",
    title: "About you",
    questions: [
      { key: "age", text: "How old are you?", unit: "years" },
      {
        key: "sex",
        text: "Sex (as trials record it)",
        choices: [
          { value: "female", label: "Female" },
          { value: "male", label: "Male" },
        ],
      },
      { key: "pregnant", text: "Are you pregnant or breastfeeding?" },
      { key: "bmi", text: "Body mass index (BMI)", hint: "Enter your height and weight and it is worked out here, in your browser; only the result is used." },
    ],
  },
  {
    id: "pain",
    title: "Your pain",
    questions: [
      {
        key: "painArea",
        text: "Where is the pain?",
        choices: [
          { value: "low-back", label: "Low back" },
          { value: "neck", label: "Neck" },
          { value: "both", label: "Both" },
        ],
      },
      { key: "painMonths", text: "How many months have you had this pain?", unit: "months" },
      { key: "legPain", text: "Does pain spread down a leg (sciatica)?" },
      { key: "painfulLevels", text: "How many discs does your doctor think cause the pain?", unit: "discs" },
      { key: "imaging", text: "Has an MRI or CT shown disc degeneration or a herniated disc?" },
    ],
  },
  {
    id: "treatment",
    title: "Treatment so far",
    questions: [
      {
        key: "conservativeMonths",
        text: "For how many months have you tried non-surgical care (physical therapy, medicines, injections)?",
        unit: "months",
        hint: "0 if none.",
      },
      { key: "spineSurgery", text: "Have you had an operation on your spine?" },
      { key: "priorCellTherapy", text: "Have you had a stem-cell, cell or other biologic treatment before?" },
      {
        key: "spineInjectionWeeksAgo",
        text: "How many weeks ago was your last spinal injection (epidural, disc or facet)?",
        unit: "weeks ago",
      },
      { key: "opioids", text: "Do you take opioid pain medicine now?" },
    ],
  },
  {
    id: "health",
    title: "Other health conditions",
    questions: [
      { key: "cancerYearsAgo", text: "Have you had cancer?", unit: "years ago", hint: "0 if you have it now." },
      {
        key: "diabetes",
        text: "Do you have diabetes?",
        choices: [
          { value: "none", label: "No" },
          { value: "controlled", label: "Yes, under control" },
          { value: "uncontrolled", label: "Yes, not under control" },
        ],
      },
      { key: "immunosuppressants", text: "Do you take drugs that weaken the immune system, or steroids long-term?" },
      {
        key: "autoimmune",
        text: "Do you have an autoimmune or inflammatory joint disease (rheumatoid arthritis, lupus, ankylosing spondylitis…)?",
      },
      { key: "bleeding", text: "Do you have a bleeding disorder or take blood thinners?" },
      { key: "smoker", text: "Do you smoke or use nicotine?" },
      { key: "osteoporosis", text: "Do you have osteoporosis?" },
    ],
  },
];

export const QUESTION_GROUPS: { id: QuestionGroupId; title: string; questions: Question[] }[] = GROUPS.map((g) => ({ ...g, questions: g.questions.map((q) => ({ ...ANSWER_RULES[q.key], ...q, short: ANSWER_NAMES[q.key] })) }));
export const QUESTIONS: Question[] = QUESTION_GROUPS.flatMap((g) => g.questions);

/** BMI from metric or US units; null when either is missing or the result is outside what a person can have. */
export function bmiFrom(height: number, weight: number, units: "metric" | "us"): number | null {
  if (!(height > 0) || !(weight > 0)) return null;
  const bmi = units === "metric" ? weight / (height / 100) ** 2 : (703 * weight) / height ** 2;
  return bmi >= 10 && bmi <= 100 ? Math.round(bmi * 10) / 10 : null;
}
