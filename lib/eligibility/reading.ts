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

/**
 * A criterion limited to the treated disc or its neighbours ("at the index level", "on the disc on
 * which the cell transplantation is planned", "in the area of planned spinal fusion"): `-at-level`
 * for prior surgery, and no rule at all for keys without that value (SPEC §9).
 */
export const AT_LEVEL =
  /\bat (?:the )?(?:same|index|target|treated|treatment|affected|involved|symptomatic|study|operative|implicated|relevant|index or adjacent) (?:\w+ ){0,2}(?:levels?|dis[ck]s?|segments?|vertebra\w*)\b|\bon the dis[ck]\b|\bon the (?:relevant|index|target|treated|same|operated) (?:\w+ ){0,2}(?:dis[ck]s?|levels?|segments?|vertebra\w*)\b|\bin the area of (?:the )?(?:planned|index|treated|target|study)\b|\b(?<!non-)index (?:dis[ck]|levels?)\b|\btarget (?:dis[ck]|levels?)\b|\bnear the treatment area\b|\bat the levels? (?:to be )?treated\b|\bsame levels?\b|\baffected levels?\b|\binvolved levels?\b|\bto which the cells\b|\b(?:levels?|segments?|dis[ck]s?) intended to (?:undergo|be (?:treated|operated))\b|\b(?:index|adjacent) or adjacent\b/;

// "In the opinion of the investigator", "at the investigator's discretion": the study team judges.
const JUDGEMENT =
  /\b(?:in the (?:opinion|judge?ment|view) of|(?:investigator|physician|surgeon|doctor|researcher|pi)'?s? (?:opinion|judge?ment|discretion)|at the discretion of|deemed by|as determined by the (?:investigator|physician|surgeon)|under the judge?ment)/;
// A clause that allows something ("carcinoma in situ is allowed", "may participate").
const ALLOWANCE =
  /\b(?:allowed|allowable|permitted|acceptable|are eligible|is eligible|may (?:be )?(?:included|enrolled|participate)|can (?:be )?(?:included|enrolled|considered)|not (?:be )?excluded|will be allowed|is not an exclusion)\b/;
// "… anticoagulants. This does not include low dose aspirin for prophylactic anticoagulation": what follows is left out.
const EXCEPTION = /\bdoes not (?:include|apply to)\b|\bis not included\b/;
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
  // "… intradiscal treatments at any lumbar level (note: diagnostic discography is not excluded)": an
  // allowance in brackets is about what the brackets hold.
  if (ALLOWANCE.test(outsideOtherBrackets(clauseOf(text, index), text, index))) return true;
  if (EXCEPTION.test(clauseBefore(text, index))) return true;
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

/** `clause` (of `text`, holding `index`) without the bracketed parts that do not hold `index`. */
function outsideOtherBrackets(clause: string, text: string, index: number): string {
  if (!clause.includes("(")) return clause;
  const start = text.indexOf(clause);
  const at = index - start;
  if (start < 0 || at < 0 || at > clause.length) return clause;
  let out = "";
  let depth = 0;
  let openAt = -1;
  for (let i = 0; i < clause.length; i++) {
    const ch = clause[i];
    if (ch === "(") {
      if (depth === 0) openAt = i;
      depth++;
    } else if (ch === ")" && depth > 0) {
      depth--;
      if (depth === 0) {
        if (openAt <= at && at <= i) out += clause.slice(openAt, i + 1);
        continue;
      }
    }
    if (depth === 0 && ch !== ")") out += ch;
  }
  // An unclosed bracket runs to the end of the clause.
  if (depth > 0 && openAt <= at) out += clause.slice(openAt);
  return out;
}

/** The words of the clause holding `index` that come before it. */
function clauseBefore(text: string, index: number): string {
  const head = text.slice(0, index);
  let start = 0;
  for (const m of head.matchAll(CLAUSE_END)) start = m.index + m[0].length;
  return head.slice(start);
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
