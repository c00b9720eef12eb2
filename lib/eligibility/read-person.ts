import type { Criterion } from "./criteria";
import { finding, type Finding, type ReadInput } from "./reading";

/**
 * Age and sex: the structured fields, narrowed by the criteria text when the text is narrower
 * ("Age > 18 and < 60" → 18–59; an exclusion "18 years of age or younger" → from 19).
 */

/** "18 Years" / "6 Months" → years; null when absent or not a duration. */
export function structuredYears(v: string | null): number | null {
  if (v === null) return null;
  const m = /^\s*(\d{1,3}(?:\.\d{1,2})?)\s*(year|month|week|day)s?\s*$/i.exec(v.slice(0, 40));
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase();
  return unit === "year" ? n : unit === "month" ? n / 12 : unit === "week" ? n / 52.18 : n / 365.25;
}

const AGE_CONTEXT = /\bage[ds]?\b|\byears? (?:of age|old)\b|\badults?\b|\by\/o\b/;
// Items about durations or scores that happen to say "years" are not about age.
const NOT_AGE = /\b(?:pain|symptoms?|duration|history|diagnos\w*|since|smok\w*|bmi|score|follow-up|life expectancy|menopaus\w*)\b/;
const RANGE = /(?:between |from )?(\d{1,3}) ?(?:-|to|and) ?(\d{1,3})\b/g;
const BOUND =
  /(>=|<=|>|<|(?:not|no) (?:older|more|greater|younger|less) than|not (?:over|above|exceeding|under|below)|at least|older than|younger than|over|under|above|below|greater than|more than|less than|up to|minimum(?: of)?|maximum(?: of)?|from) ?(?:the age of |age )?(\d{1,3})(?:y\b|\b)|\b(\d{1,3}) ?(?:years?|yrs?|y)?(?: of age)?(?: old)? ?(or older|or over|and older|and over|or above|or more|\+|or younger|or less|and younger|or under)/g;

const NEGATED_OP: Record<string, string> = {
  "not older than": "<=", "no older than": "<=", "not more than": "<=", "no more than": "<=", "not greater than": "<=", "no greater than": "<=",
  "not over": "<=", "not above": "<=", "not exceeding": "<=",
  "not younger than": ">=", "no younger than": ">=", "not less than": ">=", "no less than": ">=", "not under": ">=", "not below": ">=",
};

type Bounds = { min: number | null; max: number | null };

const plausible = (n: number): boolean => n >= 1 && n <= 120;

/** The age bounds one criterion states, as a requirement (inclusion) or as what it rules out (exclusion). */
export function ageBounds(text: string, exclusion: boolean): Bounds {
  const out: Bounds = { min: null, max: null };
  if (!AGE_CONTEXT.test(text) || NOT_AGE.test(text)) return out;
  const tighten = (min: number | null, max: number | null) => {
    if (min !== null && plausible(min)) out.min = out.min === null ? min : Math.max(out.min, min);
    if (max !== null && plausible(max)) out.max = out.max === null ? max : Math.min(out.max, max);
  };
  for (const m of text.matchAll(BOUND)) {
    if (m[2] !== undefined) {
      const n = Number(m[2]);
      // "not older than 75" is "<= 75", "not younger than 18" is ">= 18": the negation turns the comparison round.
      const op = NEGATED_OP[m[1] ?? ""] ?? m[1] ?? "";
      const lower = /^(?:>=|>|at least|older than|over|above|greater than|more than|minimum|from)/.test(op);
      const strictBelow = op === "<" || /^(?:younger than|under|below|less than)/.test(op);
      if (!exclusion) {
        if (lower) tighten(n, null);
        else tighten(null, strictBelow ? n - 1 : n);
      } else if (lower) tighten(null, op === ">=" || op === "at least" ? n - 1 : n);
      else tighten(op === "<=" ? n + 1 : n, null);
    } else {
      const n = Number(m[3]);
      const upward = /older|over|above|more|\+/.test(m[4] ?? "");
      if (!exclusion) tighten(upward ? n : null, upward ? null : n);
      else tighten(upward ? null : n + 1, upward ? n - 1 : null);
    }
  }
  if (!exclusion) {
    for (const m of text.matchAll(RANGE)) {
      const lo = Number(m[1]);
      const hi = Number(m[2]);
      if (lo < hi && plausible(lo) && plausible(hi)) {
        tighten(lo, hi);
        break;
      }
    }
  }
  return out;
}

export function readAge(input: ReadInput): Finding {
  const sMin = structuredYears(input.structured.minAge);
  const sMax = structuredYears(input.structured.maxAge);
  let min = sMin;
  let max = sMax;
  let from: Criterion | null = null;
  const consider = (item: Criterion, b: Bounds) => {
    if (b.min !== null && (min === null || b.min > min)) {
      min = b.min;
      from = item;
    }
    if (b.max !== null && (max === null || b.max < max)) {
      max = b.max;
      from = item;
    }
  };
  for (const item of input.required) consider(item, ageBounds(item.lower, false));
  for (const { item, text } of input.excluded) if (!item.negated) consider(item, ageBounds(text, true));
  // Text that contradicts the structured fields (min above max) is a typo somewhere: keep the fields.
  if (min !== null && max !== null && min > max) return finding("age", { min: sMin, max: sMax }, null);
  return finding("age", { min, max }, from);
}

const ONLY = /\b(women|females?|men|males?) only\b|\bonly (women|females?|men|males?)\b/;

export function readSex(input: ReadInput): Finding | null {
  const field = (input.structured.sex ?? "").toUpperCase();
  if (field === "FEMALE") return finding("sex", "female", null);
  if (field === "MALE") return finding("sex", "male", null);
  for (const item of input.required) {
    const m = ONLY.exec(item.lower);
    if (m) return finding("sex", /^(?:women|female)/.test(m[1] ?? m[2] ?? "") ? "female" : "male", item);
  }
  return null;
}
