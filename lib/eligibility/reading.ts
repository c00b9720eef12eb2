import { exclusions, requirements, type Criterion } from "./criteria";
import type { EligibilityRules, RuleKey } from "./schema";

/**
 * What every rule reader gets (one record, already cut into criteria) and gives back, plus the
 * guards all of them share. A reader returns nothing when it is not sure: the rule then stays
 * `not-stated`, because a wrong "rules you out" is worse than "ask the team".
 */

export type ReadInput = {
  items: Criterion[];
  /** Inclusion criteria that are requirements by themselves. */
  required: Criterion[];
  /** Exclusion criteria and negated inclusions, with the words to match. */
  excluded: { item: Criterion; text: string }[];
  structured: { minAge: string | null; maxAge: string | null; sex: string | null };
  /** The brief and official titles and the conditions (words and matching form). */
  about: { text: string; lower: string }[];
};

/** One rule read from the record; `from` is the criterion that decided it, null for structured fields. */
export type Finding = { [K in RuleKey]: { key: K; value: EligibilityRules[K]; from: Criterion | null; about?: string } }[RuleKey];

export function finding<K extends RuleKey>(key: K, value: EligibilityRules[K], from: Criterion | null): Finding {
  return { key, value, from } as Finding;
}

export function readInput(items: Criterion[], structured: ReadInput["structured"], about: ReadInput["about"]): ReadInput {
  return { items, required: requirements(items), excluded: exclusions(items), structured, about };
}

// "In the opinion of the investigator", "at the investigator's discretion": the study team judges.
const JUDGEMENT =
  /\b(?:in the (?:opinion|judge?ment|view) of|(?:investigator|physician|surgeon|doctor|researcher|pi)'?s? (?:opinion|judge?ment|discretion)|at the discretion of|deemed by|as determined by the (?:investigator|physician|surgeon)|under the judge?ment)/;
// A clause that allows something ("carcinoma in situ is allowed", "may participate").
const ALLOWANCE =
  /\b(?:allowed|allowable|permitted|acceptable|are eligible|is eligible|may (?:be )?(?:included|enrolled|participate)|can (?:be )?(?:included|enrolled|considered)|not (?:be )?excluded|will be allowed|is not an exclusion)\b/;
const EXAMPLE_CUE = /\b(?:e\.g|eg|such as|for example|including|like|i\.e)\b/;
const RISK_CUE = /\brisk\b/;

/** The criterion is the investigator's judgement and the mention at `index` is not its head. */
export function isJudgementExample(text: string, index: number): boolean {
  return index >= 40 && JUDGEMENT.test(text);
}

/**
 * True when the mention at `index` should not count: it sits in a clause that allows it, it is an
 * example of a risk ("at high risk of osteoporosis (such as patients on long-term steroids)"), or
 * an example inside an investigator's judgement.
 */
export function discounted(text: string, index: number): boolean {
  if (isJudgementExample(text, index)) return true;
  if (ALLOWANCE.test(clauseOf(text, index))) return true;
  const open = text.lastIndexOf("(", index);
  if (open >= 0) {
    const close = text.indexOf(")", open);
    const inside = close < 0 || close >= index;
    if (inside && RISK_CUE.test(text.slice(Math.max(0, open - 40), open)) && EXAMPLE_CUE.test(text.slice(open, index))) return true;
  }
  return false;
}

const CLAUSE_END = /;|\.(?:\s|$)/g;

/** The clause of `text` (between ';' or '. ' marks) that holds position `index`. */
export function clauseOf(text: string, index: number): string {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_END)) {
    if (m.index < index) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return text.slice(start, end);
}

const SEGMENT_END = /[,;()[\]]/g;

/** The comma-separated segment of `text` that holds position `index` ("…, diabetes not controlled by drugs, …"). */
export function segmentOf(text: string, index: number): string {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SEGMENT_END)) {
    if (m.index < index) start = m.index + 1;
    else {
      end = m.index;
      break;
    }
  }
  return text.slice(start, end);
}

/** First match of `re` (a /g pattern) in `text` that is not discounted, or null. */
export function firstCounted(re: RegExp, text: string, skip?: (m: RegExpExecArray) => boolean): RegExpExecArray | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else if (!discounted(text, m.index) && !(skip && skip(m))) return m;
  }
  return null;
}
