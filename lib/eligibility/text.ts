// Text helpers of the rule reader: normalising one criterion, numbers and durations.
//
// Every pattern here runs on at most MAX_LINE characters (criteria.ts cuts longer lines) and is
// written so that no quantified group can match the same characters two ways (no nested
// quantifiers over overlapping classes): a hostile record must not be able to make a regular
// expression backtrack for seconds (issue 19).

/** Characters of one criterion line the reader looks at; a longer line is cut (its quote too). */
export const MAX_LINE = 1500;
/** Characters of a record's criteria text the reader looks at (the longest real record has ~19,000). */
export const MAX_TEXT = 40_000;

const MD_ESCAPES = /\\([\\^*_[\]<>()#+\-.!|~`&=])/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SQUOTES = /[\u2018\u2019\u201B\u2032`´]/g;
const SPACES = /\s+/g;

/** ClinicalTrials.gov's Markdown escapes removed ("\>" → ">"), dashes unified; the words kept for quotes. */
export function unescapeText(s: string): string {
  return s.replace(MD_ESCAPES, "$1").replace(DASHES, "-").replace(SQUOTES, "'");
}

/** Lower-case matching form: comparison signs spelled one way (≥ → >=), whitespace collapsed. */
export function matchForm(s: string): string {
  return s
    .toLowerCase()
    .replace(/≥|=>/g, ">=")
    .replace(/≤|=</g, "<=")
    // "six (6) weeks", "one (1) level": the figure in brackets repeats the word.
    .replace(/([a-z]) \(\d{1,3}\)/g, "$1")
    .replace(SPACES, " ")
    .trim();
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, eighteen: 18, twenty: 20, thirty: 30, "twenty-four": 24,
};

/** "6" / "6.5" / "six" → a number; anything else → null. */
export function numberOf(word: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

export type Unit = "hour" | "day" | "week" | "month" | "year";
export type Duration = { n: number; unit: Unit; index: number; end: number; low: number | null };

const UNIT_OF: Record<string, Unit> = {
  hour: "hour", hours: "hour", hrs: "hour", h: "hour",
  day: "day", days: "day",
  week: "week", weeks: "week", wk: "week", wks: "week",
  month: "month", months: "month", mo: "month", mos: "month",
  year: "year", years: "year", yr: "year", yrs: "year", y: "year",
};

// "<number or number word>[ -]<unit>": the number is one token, so nothing can match two ways.
// The leading \b and the bounded word keep the work per position constant.
const DURATION = /\b(\d+(?:\.\d+)?|[a-z]{1,12}(?:-four)?)[ -]?(hours?|hrs|days?|weeks?|wks?|months?|mos?|years?|yrs?|y|h)\b/g;
// "6-10 weeks", "6 to 10 weeks": the lower bound just before the matched number.
const RANGE_LOW = /(\d+(?:\.\d+)?) ?(?:-|to) ?$/;
// "the past week", "the previous month": one unit.
const ONE_UNIT = /\b(?:past|previous|last|prior|preceding) (week|month|year)\b/g;

/** Every duration in a matching-form text, in order ("6 weeks", "three months", "48 hours", "the past week"). */
export function durations(s: string): Duration[] {
  const out: Duration[] = [];
  for (const m of s.matchAll(DURATION)) {
    const n = numberOf(m[1] ?? "");
    const unit = UNIT_OF[m[2] ?? ""];
    if (n === null || unit === undefined) continue;
    // "a" and "an" only count before a unit written out in full ("a week", not "a y").
    if ((m[1] === "a" || m[1] === "an") && m[2]!.length < 3) continue;
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    const lowMatch = RANGE_LOW.exec(before);
    // A range starts at its lower bound: the words before "6-10 weeks" are the ones that qualify it.
    const index = lowMatch ? m.index - (before.length - lowMatch.index) : m.index;
    out.push({ n, unit, index, end: m.index + m[0].length, low: lowMatch ? Number(lowMatch[1]) : null });
  }
  for (const m of s.matchAll(ONE_UNIT)) {
    const unit = UNIT_OF[m[1] ?? ""]!;
    if (!out.some((d) => d.index <= m.index + m[0].length && d.end >= m.index)) {
      out.push({ n: 1, unit, index: m.index, end: m.index + m[0].length, low: null });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;

/** SPEC §9 units: weeks → months ÷ 4.345, days ÷ 30.44; one year = 12 months (two decimals). */
export function toMonths(n: number, unit: Unit): number {
  const months = unit === "year" ? n * 12 : unit === "month" ? n : unit === "week" ? n / 4.345 : unit === "day" ? n / 30.44 : n / 730.5;
  return round(months, 2);
}

/** 1 month = 4.3 weeks (SPEC §9: the shorter window, never widened), days ÷ 7 (one decimal). */
export function toWeeks(n: number, unit: Unit): number {
  const weeks = unit === "year" ? n * 52.14 : unit === "month" ? n * 4.3 : unit === "week" ? n : unit === "day" ? n / 7 : n / 168;
  return round(weeks, 1);
}

/** Years, for ages and cancer windows. */
export function toYears(n: number, unit: Unit): number {
  return unit === "year" ? n : round(toMonths(n, unit) / 12, 2);
}
