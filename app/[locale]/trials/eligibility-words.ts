import type { QuestionGroupId } from "@/lib/eligibility/questions";
import type { ProfileKey } from "@/lib/eligibility/schema";

// The shapes of the "Could I join?" wording that the server passes to the client components as props
// (built by ./eligibility-text.ts from the `eligibility` catalogue), and the two small functions the
// components fill it with. No catalogue and no i18n library here: this is browser code.

export type QuestionText = { text: string; hint?: string; unit?: string; choices?: Record<string, string> };

export type PanelText = {
  /** The page's language: how numbers are shown and typed (a decimal comma in Spanish). */
  locale: string;
  formLabel: string;
  yes: string;
  no: string;
  skip: string;
  neverHadOne: string;
  never: string;
  howLongAgo: string;
  /** With `{min}` and `{max}`. */
  numberError: string;
  wholeNumberError: string;
  units: string;
  metric: string;
  us: string;
  height: string;
  weight: string;
  unitSymbols: { cm: string; kg: string; in: string; lb: string };
  bmi: string;
  bmiNone: string;
  clear: string;
  footer: string;
  groups: Record<QuestionGroupId, string>;
  questions: Record<ProfileKey, QuestionText>;
};

export type CouldIJoinText = {
  title: string;
  open: string;
  hide: string;
  /** With `{count}`. */
  change: string;
  forget: string;
  hideRuledOut: string;
  remember: string;
  rememberHelp: string;
  loading: string;
  panel: PanelText;
};

/** Plural forms by Intl.PluralRules category (`other` always there), each with `{count}`. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type FitText = {
  /** The page's language: plural forms and numbers. */
  locale: string;
  title: string;
  answerQuestions: string;
  changeAnswers: string;
  forget: string;
  names: Record<ProfileKey, string>;
  /** With `{names}`. */
  rulesOut: string;
  noConflict: PluralForms;
  result: { meets: string; fails: string; ask: string };
  compared: PluralForms;
  notAnswered: string;
  studyTeamDecides: string;
  comparing: string;
  /** With `{reason}`. */
  error: string;
  recordSays: string;
  noRules: string;
  askTitle: string;
  nothingOpen: string;
  /** With `{text}` (the record's words). */
  doesThisApply: string;
  print: string;
  /** Each with `{name}`. */
  why: { meets: string; fails: string; unanswered: string; unclear: string };
};

/** `{name}` placeholders filled (the client components do the same with their props). */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
