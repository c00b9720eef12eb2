import { MAX_LINE, MAX_TEXT, matchForm, unescapeText } from "./text";

/**
 * The eligibility text of a record cut into criteria: which section each belongs to (inclusion,
 * exclusion, or before any heading), how lists nest, and the two things the rule readers must
 * know before reading a line: a negated inclusion ("No history of spinal surgery") is an
 * exclusion, and an option of "at least one of the following" is not a requirement by itself.
 */

export type Section = "inclusion" | "exclusion" | "unknown";

export type Criterion = {
  index: number;
  section: Section;
  /** The criterion's own words (Markdown escapes removed), for quotes and the "ask the team" list. */
  text: string;
  /** Lower-case matching form of `text`. */
  lower: string;
  parent: number | null;
  /** Ends with ":" and has items under it ("… with one or more of the following:"). */
  intro: boolean;
  /** A negation ("No …", "Absence of …", "Without …"); `body` is what it negates. */
  negated: boolean;
  body: string;
  /** One option of a list the patient needs only one of, or joined to the next by "or". */
  alternative: boolean;
  /** A requirement only in some case ("If pain is secondary to HNP: …", "… - preferred"). */
  conditional: boolean;
};

const MAX_ITEMS = 400;

// A list marker: "*", "-", "•", "1.", "1)", "(1)", "a.", "a)", "iv." followed by a space. One
// alternative per character class, no overlap, so no backtracking beyond a few characters.
const BULLET = /^(?:[*•·○◦▪►‣⁃–-]|o(?= )|\d{1,3}[.)](?!\d)|\(\d{1,3}\)|\(?[a-z][.)](?= )|[ivx]{1,5}[.)](?= ))\s*/i;
const HEADING_WORD = /\b(non-inclusion|inclusion|exclusion|exclusionary)\b/;
const HEADING_SHAPE = /^[^:]{0,50}\b(?:criteria|criterion)\b[^:]{0,50}(?::|$)|^(?:key |main |major )?(?:inclusion|exclusion|non-inclusion)(?: criteria)?(?::|$)/;
const EXCLUDED_IF = /\b(?:excluded|ineligible|not eligible|not be included)\b[^:]{0,60}:$/;
const INCLUDED_IF = /\b(?:must (?:meet|have|be)|eligible if|included if|may be included)\b[^:]{0,60}:$/;

const NEGATION = /^(?:no|not|absence of|without|free of|never|non-?smokers?|must not (?:have|be)|has not|have not|had no|does not have|do not have|neither)\b[ ,:-]*/;
// "No improvement after 6 weeks of physical therapy" states a requirement, not an exclusion.
const NOT_A_NEGATION = /^(?:no|not|without|has not|have not|did not|does not) (?:significant |adequate |sufficient |satisfactory )?(?:improvement|relief|response|responded|respond|responsive|improved|benefit|better|resolution|change)\b/;
const ALTERNATIVES = /\b(?:at least one|one or more|either|any (?:one )?of the following|one of the following)\b/;
const ENDS_WITH_OR = /(?:,|\s)(?:or|and\/or)$/;
const CONDITIONAL = /^if\b|^in (?:the )?case\b|^preferred\b|\bpreferred\.?$|\bif (?:available|applicable|any)\b|\bif present\b/;

function leadingSpaces(line: string): number {
  let n = 0;
  while (n < line.length && n < 40 && (line[n] === " " || line[n] === "\t")) n += line[n] === "\t" ? 4 : 1;
  return n;
}

function headingSection(lower: string, bullet: boolean): Section | null {
  if (bullet || lower.length > 100) return null;
  const word = HEADING_WORD.exec(lower);
  if (word) {
    const both = /\binclusion\b/.test(lower) && /\bexclusion\b/.test(lower);
    if (!both && HEADING_SHAPE.test(lower)) return word[1] === "inclusion" ? "inclusion" : "exclusion";
    return null;
  }
  if (EXCLUDED_IF.test(lower)) return "exclusion";
  if (INCLUDED_IF.test(lower) && !/\bnot\b/.test(lower)) return "inclusion";
  return null;
}

type Marker = "none" | "number" | "letter" | "symbol";
type Open = { index: number; indent: number; marker: Marker; intro: boolean };

function markerKind(m: string): Marker {
  if (/\d/.test(m)) return "number";
  return /[a-z]/i.test(m) ? "letter" : "symbol";
}

/** The criteria of an eligibility text, in order (headings are not criteria). Never throws. */
export function parseCriteria(raw: string): Criterion[] {
  const out: Criterion[] = [];
  let section: Section = "unknown";
  let stack: Open[] = [];
  const lines = raw.slice(0, MAX_TEXT).split("\n").flatMap(splitRunOn);
  for (const full of lines) {
    if (out.length >= MAX_ITEMS) break;
    const line = full.length > MAX_LINE ? full.slice(0, MAX_LINE) : full;
    const indent = leadingSpaces(line);
    let content = unescapeText(line).trim();
    if (!content) continue;
    let bullet = false;
    let marker: Marker = "none";
    let firstNumber: number | null = null;
    for (let k = 0; k < 2; k++) {
      const m = BULLET.exec(content);
      if (!m || m[0].length === content.length) break;
      const n = /^\d+/.exec(m[0]);
      if (n) firstNumber = Number(n[0]);
      if (!bullet) marker = markerKind(m[0].trim());
      content = content.slice(m[0].length).trim();
      bullet = true;
    }
    const lower = matchForm(content);
    if (!lower) continue;
    const heading = headingSection(lower, bullet);
    // "1. Age 22 - 69 years. 2. Have symptoms … 3. Radiographic evidence": a whole list on one line.
    const pieces = heading ? [content] : inlineList(content, firstNumber);
    if (heading) {
      section = heading;
      stack = [];
      // "Exclusion Criteria: contra-indication to MRI": the rest of the line is a criterion.
      const colon = content.indexOf(":");
      if (colon < 0 || colon === content.length - 1) continue;
      content = content.slice(colon + 1).trim();
      if (!content) continue;
    }
    for (const piece of heading ? [content] : pieces) {
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (indent > top.indent) break;
        // Same indentation, a different kind of marker under a line ending in ":" ("3. … of the following:" then "a. …").
        if (indent === top.indent && top.intro && bullet && marker !== top.marker) break;
        stack.pop();
      }
      const parentOpen = stack.length > 0 ? stack[stack.length - 1]! : null;
      // The line's matching form is already known when the line is one criterion.
      const item = makeCriterion(out.length, section, piece, parentOpen ? out[parentOpen.index]! : null, piece === content && !heading ? lower : undefined);
      out.push(item);
      if (parentOpen) out[parentOpen.index]!.intro = out[parentOpen.index]!.text.endsWith(":");
      if (stack.length < 20) stack.push({ index: item.index, indent, marker, intro: piece.endsWith(":") });
    }
  }
  // "A, or" / "A OR" joins an inclusion to the next one: neither is required by itself.
  for (let i = 0; i + 1 < out.length; i++) {
    const c = out[i]!;
    if (c.section === "inclusion" && ENDS_WITH_OR.test(c.lower)) {
      c.alternative = true;
      out[i + 1]!.alternative = true;
    }
  }
  return out;
}

// "… approved by the Board (MAB) Exclusion Criteria:• Patient has …": a heading run into the line before it.
const RUN_ON_HEADING = /\b(?:key |main )?exclusion criteria ?:/i;
// "… or epidural lipomatosis.• Patient has …": a bullet run into the item before it.
const RUN_ON_BULLET = /(?<=[a-z0-9.;:)])\s*•\s*(?=\S)/gi;

/** A line that holds a heading or bullets in its middle, cut where they start (a cut never loses text). */
function splitRunOn(line: string): string[] {
  // Most lines have neither: two substring checks keep them cheap.
  const heading = line.includes("riteria");
  if (line.length > MAX_LINE || (!heading && !line.includes("•"))) return [line];
  const parts: string[] = [];
  let rest = line;
  const h = heading ? RUN_ON_HEADING.exec(rest) : null;
  // Only after words of a criterion ("* Exclusion criteria:" and "Key exclusion criteria:" are headings already).
  if (h && h.index > 0 && /[a-z]{3}/i.test(rest.slice(0, h.index))) {
    parts.push(rest.slice(0, h.index));
    rest = rest.slice(h.index);
  }
  let start = 0;
  let bullet = false;
  for (const m of rest.matchAll(RUN_ON_BULLET)) {
    const piece = rest.slice(start, m.index);
    parts.push(bullet ? `* ${piece}` : piece);
    start = m.index + m[0].length;
    bullet = true;
  }
  const last = rest.slice(start);
  parts.push(bullet ? `* ${last}` : last);
  return parts;
}

// " 2. Reported to have…": a list number inside a line, before a capital letter.
const INLINE_NUMBER = /\s(\d{1,2})\.\s+(?=[A-Z(])/g;

/** Splits a line holding a numbered list ("… at two levels 2. Reported to have … 3. Previous …"). */
function inlineList(content: string, firstNumber: number | null): string[] {
  const cuts: number[] = [];
  let expected = firstNumber === null ? null : firstNumber + 1;
  for (const m of content.matchAll(INLINE_NUMBER)) {
    const n = Number(m[1]);
    if (expected === null || n === expected) {
      cuts.push(m.index);
      expected = n + 1;
    }
  }
  if (cuts.length === 0 || (firstNumber === null && cuts.length < 2)) return [content];
  const out: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    out.push(content.slice(start, cut).trim());
    start = cut;
  }
  out.push(content.slice(start).trim().replace(/^\d{1,2}\.\s+/, ""));
  return out.map((p, i) => (i === 0 ? p : p.replace(/^\d{1,2}\.\s+/, ""))).filter((p) => p.length > 0);
}

function makeCriterion(index: number, section: Section, text: string, parent: Criterion | null, known?: string): Criterion {
  const lower = known ?? matchForm(text);
  const neg = NOT_A_NEGATION.test(lower) ? null : NEGATION.exec(lower);
  let body = lower;
  if (neg) body = /^non-?smok/.test(neg[0]) ? `smoker ${lower.slice(neg[0].length)}` : lower.slice(neg[0].length);
  return {
    index,
    section,
    text,
    lower,
    parent: parent ? parent.index : null,
    intro: false,
    negated: neg !== null,
    body,
    alternative: section === "inclusion" && parent !== null && ALTERNATIVES.test(parent.lower),
    conditional: CONDITIONAL.test(lower),
  };
}

/** Inclusion criteria that state a requirement by themselves. */
export function requirements(items: Criterion[]): Criterion[] {
  return items.filter((c) => c.section === "inclusion" && !c.negated && !c.alternative && !c.conditional);
}

/**
 * What rules a patient out: exclusion criteria (a double negative such as "No neurological
 * deficit" under exclusions is left out) and negated inclusion criteria, read for what they negate.
 * `text` is the words to match.
 */
export function exclusions(items: Criterion[]): { item: Criterion; text: string }[] {
  const out: { item: Criterion; text: string }[] = [];
  for (const c of items) {
    if (c.section === "exclusion" && !c.negated) out.push({ item: c, text: c.lower });
    else if (c.section === "inclusion" && c.negated && !c.alternative) out.push({ item: c, text: c.body });
    else if (c.section === "inclusion" && !c.alternative && !c.conditional) {
      // "Adults without a history of spine surgery": what follows the negation is ruled out.
      const m = INNER_NEGATION.exec(c.lower);
      if (m && !NOT_A_NEGATION.test(c.lower.slice(m.index))) out.push({ item: c, text: c.lower.slice(m.index + m[0].length) });
    }
  }
  return out;
}

const INNER_NEGATION = /(?<!with or )\b(?:without|free of|absence of|never had|(?:have|has) not had|had no|with no) /;
