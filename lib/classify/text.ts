// Text helpers shared by every rule family. Everything is precompiled at module load: the
// classifier runs over thousands of records per second, so no rule may build a RegExp per call.

const MARKS = /[®™©℠]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SQUOTES = /[\u2018\u2019\u201B\u2032`´]/g;
const DQUOTES = /[\u201C\u201D\u201E\u2033]/g;
// ClinicalTrials.gov v2 text is Markdown-escaped ("10\^6", "\>", "\*"); the escapes carry no meaning here.
const MD_ESCAPES = /\\([\\^*_\[\]<>()#+\-.!|~`])/g;
const SPACES = /\s+/g;

const NEEDS_REWRITE = /[®™©℠\\\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u2018\u2019\u201B\u2032`´\u201C\u201D\u201E\u2033]/;
const ODD_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]/;

/** Lower-case, unify dashes and quotes, drop trademark signs and Markdown escapes, collapse whitespace. */
export function norm(s: string): string {
  // Names, labels and titles are normalised by several rules per study: once is enough.
  const cached = NORM.get(s);
  if (cached !== undefined) return cached;
  const out = normalise(s);
  // Callers outside classifyStudy never reset it: bounded all the same.
  if (NORM.size > CACHE_MAX) NORM.clear();
  NORM.set(s, out);
  return out;
}

const NORM = new Map<string, string>();
const CACHE_MAX = 5000;

// Either of the two below: most sentences have neither, and one scan says so.
const NEEDS_ANY = new RegExp(`${NEEDS_REWRITE.source}|${ODD_SPACE.source}`);

function normalise(s: string): string {
  if (!NEEDS_ANY.test(s)) return s.trim().toLowerCase();
  let out = s;
  // Most text needs none of the rewrites; testing once is cheaper than five replace passes.
  if (NEEDS_REWRITE.test(out)) {
    out = out.replace(MARKS, "").replace(MD_ESCAPES, "$1").replace(DASHES, "-").replace(SQUOTES, "'").replace(DQUOTES, '"');
  }
  if (ODD_SPACE.test(out)) out = out.replace(SPACES, " ");
  return out.trim().toLowerCase();
}

// Split before normalising: a capital letter after ". " is the best sentence cue we have, and
// it is gone once text is lower-cased. Newlines and bullets also end a sentence (arm and
// intervention descriptions are often lists without full stops).
// Every break begins with whitespace: the leading look-ahead spares the look-behinds at other characters.
const SENTENCE_BREAK = /(?=\s)(?:\n+|(?<=[.!?])\s+(?=[A-Z0-9(["'])|(?<=;)\s+|\s[*•]\s)/;

/** Split text into normalised, non-empty sentences. */
export function sentences(s: string): readonly string[] {
  if (!s) return [];
  // Several rules split the same field of one study (summary, description, eligibility): once is enough.
  const cached = SPLIT.get(s);
  if (cached) return cached;
  const out: string[] = [];
  for (const part of s.split(SENTENCE_BREAK)) {
    const n = norm(part);
    if (n.length > 1) out.push(n);
  }
  SPLIT.set(s, out);
  return out;
}

const SPLIT = new Map<string, string[]>();

/** Forget the split texts: called once per study (with the term cache), so nothing carries across records. */
export function resetSentenceCache(): void {
  SPLIT.clear();
  NORM.clear();
  BACKGROUND_OF.clear();
  EXCLUSION_OF.clear();
}

// A clause ends at these marks; negation never reaches across them.
const CLAUSE_START = /[,;:()]|\b(?:but|however|whereas|while|and then)\b/g;
// Words that negate a mention that follows them in the same clause.
const NEGATOR = /\b(?:no|not|without|never|nor|neither|excluding|except|instead of|rather than|free of|lack of|absence of|cell-free|did not|will not|does not|do not)\b/;

/** True when the mention at `index` is negated by a cue earlier in its clause ("no active cell component", "without MSC"). */
export function negatedAt(sentence: string, index: number): boolean {
  let start = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(sentence); m && m.index < index; m = CLAUSE_START.exec(sentence)) {
    start = m.index + m[0].length;
  }
  const before = sentence.slice(Math.max(start, index - 60), index);
  if (!NEGATOR.test(before)) return false;
  // "may not be conducive for sustained effects of the mobilized CD 34+ cells": the negator denies the
  // adjective, and the mention sits in what the adjective is about; it is not itself denied.
  return !NEGATED_ADJECTIVE.test(before);
}

const NEGATED_ADJECTIVE =
  /\b(?:not|never) (?:be |been |being |so |very |always |as )?(?:conducive|sufficient|enough|efficient|optimal|ideal|favou?rable|suitable|adequate|permissive|hospitable|supportive) (?:for|to)\b/;

// Sentences about who may not join, or about treatment people had before the study. A record that
// says "patients who received stem cells in the past are excluded" does not give stem cells.
const EXCLUSION_CONTEXT = atWordStart(
  /\b(?:exclu(?:de|ded|des|sion)|ineligible|not eligible|contraindicat\w*)\b|\b(?:previous(?:ly)?|prior|history of|in the past|already)\b[^.]{0,60}\b(?:receiv|undergo|underwent|treat|had\b)|\b(?:receiv\w*|underg\w*|underwent|treated|had)\b[^.]{0,60}\b(?:previously|in the past|before (?:the )?(?:study|enrol|entry|screening|randomi))|\b(?:who|that) (?:have|has|had) (?:already )?(?:received|undergone|had|been treated)\b|\bwithin (?:a|one|two|three|\d+) (?:weeks?|months?|days?|years?) (?:prior to|before)\b/,
);

/** True for sentences about excluded people or past treatment. */
export function isExclusionContext(sentence: string): boolean {
  let v = EXCLUSION_OF.get(sentence);
  if (v === undefined) {
    if (EXCLUSION_OF.size > CACHE_MAX) EXCLUSION_OF.clear();
    EXCLUSION_OF.set(sentence, (v = EXCLUSION_CONTEXT.test(sentence)));
  }
  return v;
}

// Both are asked of the same sentence by several rules within one study; remembered until the next study.
const EXCLUSION_OF = new Map<string, boolean>();
const BACKGROUND_OF = new Map<string, boolean>();

// Background statements describe cells or products in general ("MSCs can be isolated from bone
// marrow, adipose tissue and umbilical cord"), earlier studies or animal work. They name sources
// and routes that this trial does not use.
const BACKGROUND = atWordStart(
  /\b(?:can|could|may|might) be (?:isolated|derived|obtained|found|harvested|extracted|collected|generated|prepared|expanded|infused|used)\b|\bsuch as\b|\bamong other|\b(?:sources?|types?) of (?:mesenchymal|stem|msc|cells)|\b(?:have|has) been (?:isolated|used|shown|reported|tested|studied|performed|conducted|demonstrated|described|evaluated|approved|found)|\b(?:studies|trials|reports|investigators|researchers|authors) (?:have|has|had|showed|show|suggest|demonstrated|reported|found)|\bprevious (?:studies|trials|reports|work|research)|\bin (?:animal|preclinical|experimental|rodent|murine) (?:models?|studies)|\bin vitro\b|\bliterature\b|\bare (?:a )?(?:form|type|kind|population|group) of\b|\bare (?:multipotent|pluripotent|multipotential|adult stem)\b|\breside[sd]? (?:in|within)\b|\bwere first\b|\bet al\b|\b(?:discussed|postulated|noted|reported|demonstrated|showed|observed|suggested) (?:that|how|among|in (?:a|an|their|previous))\b|\bin a discussion\b|\b(?:investigators|authors) (?:note|noted|discuss\w*|postulate\w*|suggest\w*)\b|\bdifferentiat(?<!\bwill (?:then |subsequently )?be differentiat)\w* (?:into|to|towards)\b|\b(?:fda[- ])?(?:approved|cleared|indicated) for\b/,
);

// "The purpose of this study is to evaluate the therapeutic effect of surgical transplantation of …
// based on the foundation of the research group's previous research": a sentence that opens with this
// study's own aim is about this study, whatever earlier work it goes on to cite.
const OWN_PURPOSE = /^(?:the )?(?:main |primary )?(?:purpose|aim|objective|goal)s? of (?:this|the present|our|the current) (?:study|trial|project) (?:is|are|will be) to (?!(?:review|summari[sz]e|compare (?:the )?(?:literature|studies)))/;

/** True for general background sentences that describe products rather than this study's treatment. */
export function isBackground(sentence: string): boolean {
  let v = BACKGROUND_OF.get(sentence);
  if (v === undefined) {
    if (BACKGROUND_OF.size > CACHE_MAX) BACKGROUND_OF.clear();
    BACKGROUND_OF.set(sentence, (v = BACKGROUND.test(sentence) && !OWN_PURPOSE.test(sentence)));
  }
  return v;
}

/** Short quote of the text around a match, for `why` explanations. */
export function quote(text: string, index: number, length: number, pad = 0): string {
  const from = Math.max(0, index - pad);
  const to = Math.min(text.length, index + length + pad);
  return text.slice(from, to).trim();
}

/** Run a global regex over text and return every match (resets lastIndex first: the regexes are shared). */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

// The top-level alternatives of a pattern source (escapes, character classes and groups kept whole).
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

// True when every alternative starts with \b, or is one group (capturing or not) whose alternatives all do.
function startsAtWordBoundary(source: string): boolean {
  return topLevelAlternatives(source).every((alt) => {
    if (alt.startsWith("\\b")) return true;
    const open = alt.startsWith("(?:") ? 3 : alt.startsWith("(") && !alt.startsWith("(?") ? 1 : 0;
    if (open === 0 || !alt.endsWith(")") || topLevelAlternatives(alt).length !== 1) return false;
    const inner = alt.slice(open, -1);
    // The group must span the whole alternative ("(a)(b)" does not).
    let depth = 0;
    for (let i = 0; i < alt.length - 1; i++) {
      const c = alt[i];
      if (c === "\\") i++;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) return false;
    }
    return startsAtWordBoundary(inner);
  });
}

/**
 * The same regex with its word boundary tested once, before the alternatives: a long alternation whose
 * alternatives all begin with \b is otherwise tried alternative by alternative at every character, and most
 * characters sit inside a word. Matches, indices and groups are unchanged. Throws (at module load) when an
 * alternative may begin elsewhere.
 */
export function atWordStart(re: RegExp): RegExp {
  if (!startsAtWordBoundary(re.source)) throw new Error(`atWordStart: not every alternative begins with \\b: /${re.source.slice(0, 60)}…/`);
  return new RegExp(`\\b(?:${re.source})`, re.flags);
}

/**
 * Build one global, case-insensitive regex from named alternatives, so a text is scanned once
 * instead of once per pattern. Alternatives must use only non-capturing groups: the index of
 * the capturing group that matched tells which alternative it was.
 */
export function alternation<T>(entries: readonly (readonly [T, RegExp | string])[]): { re: RegExp; which(m: RegExpExecArray): T } {
  const sources = entries.map(([, p]) => (typeof p === "string" ? p : p.source));
  const joined = new RegExp(sources.map((s) => `(${s})`).join("|"), "g");
  const re = startsAtWordBoundary(joined.source) ? atWordStart(joined) : joined;
  const labels = entries.map(([label]) => label);
  return {
    re,
    which(m) {
      for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return labels[i - 1] as T;
      throw new Error("alternation: no group matched");
    },
  };
}

/** Escape a literal for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
