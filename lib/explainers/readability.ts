// Flesch–Kincaid grade level, our own small implementation (no dictionary download, works offline).
//
//   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//
// Syllables are counted with rules plus a short list of exceptions. The rules lean towards counting
// a syllable too many rather than too few, so a page that passes is not passing on a counting error.
// Numbers are read the way they are spoken ("40.7%" is "forty point seven percent") and acronyms
// letter by letter ("FDA" is three syllables), because that is how a reader meets them.

import { plainText } from "./inline";
import type { ExplainerPage } from "./schema";

export type TextStats = { sentences: number; words: number; syllables: number };

// Words the rules get wrong that this site uses.
const EXCEPTIONS: Record<string, number> = {
  allogeneic: 5,
  area: 3,
  areas: 3,
  being: 2,
  business: 2,
  create: 2,
  created: 3,
  creates: 2,
  every: 3,
  everyone: 4,
  everything: 4,
  fluid: 2,
  idea: 3,
  intraosseous: 5,
  ideas: 3,
  lion: 2,
  anxiety: 4,
  calcium: 3,
  diet: 2,
  maybe: 2,
  mosaic: 3,
  quiet: 2,
  society: 4,
  variety: 4,
  naive: 2,
  orthopaedic: 4,
  orthopedic: 4,
  platelet: 2,
  platelets: 2,
  react: 2,
  reactions: 3,
  reaction: 3,
  real: 1,
  really: 2,
  science: 2,
  sciences: 3,
  someone: 2,
  something: 2,
  sometimes: 2,
  video: 3,
  whereas: 2,
};

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function integerWords(n: number): string[] {
  if (n < 20) return [ONES[n] ?? "zero"];
  if (n < 100) return [TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : "")];
  for (const [size, name] of [
    [1_000_000_000, "billion"],
    [1_000_000, "million"],
    [1000, "thousand"],
    [100, "hundred"],
  ] as const) {
    if (n >= size) {
      const rest = n % size;
      return [...integerWords(Math.floor(n / size)), name, ...(rest ? integerWords(rest) : [])];
    }
  }
  return [String(n)];
}

/** "$3,000" → ["three", "thousand", "dollars"]; "40.7%" → ["forty", "point", "seven", "percent"]. */
export function numberWords(token: string): string[] {
  const m = /^(\$?)(\d[\d,]*)(?:\.(\d+))?(%?)$/.exec(token);
  if (!m) return [token];
  const [, dollar, whole = "0", fraction, percent] = m;
  const words = integerWords(Number(whole.replace(/,/g, "")));
  if (fraction) words.push("point", ...fraction.split("").map((d) => ONES[Number(d)] ?? "zero"));
  if (percent) words.push("percent");
  if (dollar) words.push("dollars");
  return words;
}

function letterSyllables(ch: string): number {
  if (/\d/.test(ch)) return ch === "0" || ch === "7" ? 2 : 1;
  return ch.toLowerCase() === "w" ? 3 : 1;
}

/** Syllables in one word (letters, apostrophes and hyphens; acronyms and codes are spelled out). */
export function countSyllables(raw: string): number {
  if (raw.includes("-")) {
    return raw
      .split("-")
      .filter(Boolean)
      .reduce((sum, part) => sum + countSyllables(part), 0);
  }
  if (/^\$?\d[\d,.]*%?$/.test(raw)) return numberWords(raw).reduce((sum, w) => sum + countSyllables(w), 0);
  // Acronyms (FDA, MRI, MSCs) and codes (NCT02412735) are read letter by letter.
  if (/^[A-Z]{2,}s?$/.test(raw) || (/\d/.test(raw) && /[A-Za-z]/.test(raw))) {
    return raw
      .replace(/(?<=[A-Z])s$/, "")
      .split("")
      .filter((ch) => /[A-Za-z0-9]/.test(ch))
      .reduce((sum, ch) => sum + letterSyllables(ch), 0);
  }
  const word = raw.toLowerCase().replace(/[^a-z]/g, "");
  if (!word) return 0;
  const known = EXCEPTIONS[word];
  if (known !== undefined) return known;
  if (word.length <= 3) return 1;

  // Suffixes that are a syllable of their own after a base word that may end in a silent "e"
  // ("movement", "safely", "useful"); the base is counted by the same rules.
  for (const suffix of ["ments", "ment", "ness", "less", "ful", "ly"]) {
    if (word.endsWith(suffix) && word.length > suffix.length + 2 && !(suffix === "ly" && word.endsWith("ily"))) {
      return countSyllables(word.slice(0, -suffix.length)) + 1;
    }
  }
  if (word.endsWith("ing") && word.length > 4) {
    const base = word.slice(0, -3);
    return (/[aeiouy]/.test(base) ? countSyllables(base) : 0) + 1; // "making", "bring"
  }
  if (/[td]ed$/.test(word)) return countSyllables(word.slice(0, -2)) + 1; // "wanted", "added"
  if (/[aeiouy]ed$/.test(word)) return countSyllables(word.slice(0, -1)); // "used", "studied"
  if (/[^e]ed$/.test(word)) return countSyllables(word.slice(0, -2)); // "called", "moved"
  if (/(?:ch|sh|[sxzcg])es$/.test(word)) return countSyllables(word.slice(0, -2)) + 1; // "boxes", "places"
  if (word.endsWith("s") && !/(?:ss|us|is|ous)$/.test(word)) return countSyllables(word.slice(0, -1));

  let w = word.replace(/^y/, "");
  // A final "e" is usually silent ("make"), but not in a consonant + "le" ending ("table") or after a vowel ("issue").
  if (w.endsWith("e") && !/[^aeiouy]le$/.test(w) && !/[aeiouy]e$/.test(w)) w = w.slice(0, -1);
  let count = (w.match(/[aeiouy]+/g) ?? []).length;
  // Vowel pairs that are usually said as two syllables.
  count += (w.match(/(?:^|[^tscgx])i[aou]/g) ?? []).length; // trial, biology, various (not -tion, -cial, -gion)
  count -= (w.match(/(?:ll|n)ion$/g) ?? []).length; // million, opinion
  count += (w.match(/[^qg]ua/g) ?? []).length; // usual, actual (not quality, language)
  count += (word.match(/[^tc]ie(?:nt|nce)/g) ?? []).length; // client, experience (not patient, efficient)
  count += (w.match(/eo(?!u)/g) ?? []).length - (w.match(/eop/g) ?? []).length; // video, theory (not people)
  count += (w.match(/uo/g) ?? []).length; // fluoroscopy, continuous
  count += w.endsWith("ism") ? 1 : 0; // organism
  return Math.max(1, count);
}

/** Sentences end at ., ! or ? followed by a space or the end (not at "40.7" or "e.g."). */
export function splitSentences(text: string): string[] {
  const protectedText = text.replace(/\b(e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|U\.S)\./g, (m) => m.replace(/\./g, "\u2024"));
  return protectedText
    .split(/(?<=[.!?])["”’)]*\s+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

/** Word tokens as read aloud: numbers expanded into their spoken words. */
export function words(sentence: string): string[] {
  return sentence
    .replace(/[–—/]/g, " ")
    .split(/\s+/)
    .map((t) => t.replace(/^[^A-Za-z0-9$]+|[^A-Za-z0-9%]+$/g, ""))
    .filter((t) => /[A-Za-z0-9]/.test(t))
    .flatMap((t) => (/^\$?\d/.test(t) && !/[A-Za-z]/.test(t) ? numberWords(t) : [t]));
}

/** How a language cuts text into sentences and words, and counts a word's syllables. */
export type Reading = { splitSentences(text: string): string[]; words(sentence: string): string[]; countSyllables(word: string): number };

/** Sentences, words and syllables of `units`, read as `reading` says (English here, Spanish in readability-es.ts). */
export function textStatsIn(units: string[], reading: Reading): TextStats {
  const stats: TextStats = { sentences: 0, words: 0, syllables: 0 };
  for (const unit of units) {
    // A unit with no closing mark (a list item, a definition) still reads as one sentence.
    for (const sentence of reading.splitSentences(unit)) {
      const ws = reading.words(sentence);
      if (ws.length === 0) continue;
      stats.sentences += 1;
      stats.words += ws.length;
      stats.syllables += ws.reduce((sum, w) => sum + reading.countSyllables(w), 0);
    }
  }
  return stats;
}

export function textStats(units: string[]): TextStats {
  return textStatsIn(units, { splitSentences, words, countSyllables });
}

export function gradeFromStats({ sentences, words: w, syllables }: TextStats): number {
  if (sentences === 0 || w === 0) return 0;
  return 0.39 * (w / sentences) + 11.8 * (syllables / w) - 15.59;
}

export function fleschKincaidGrade(text: string | string[]): number {
  return gradeFromStats(textStats(Array.isArray(text) ? text : [text]));
}

/**
 * The text of a page that we hold to the grade: the summary and every block of every section
 * (paragraphs, list items, definitions as "term: definition", callout text), with link markup reduced
 * to the link text. Not measured: the page title and section headings (labels, not prose), callout
 * titles, and the sources list (names of organisations and journals that we do not write).
 * Each list item and definition counts as a sentence of its own, as a reader takes it in.
 */
export function pageBodyUnits(page: ExplainerPage): string[] {
  const units: string[] = [page.summary];
  for (const section of page.sections) {
    for (const block of section.body) {
      if (block.kind === "paragraph") units.push(block.text);
      else if (block.kind === "list") units.push(...block.items);
      else if (block.kind === "definitions") units.push(...block.items.map((d) => `${d.term}: ${d.definition}`));
      else units.push(block.text);
    }
  }
  return units.map(plainText);
}

export function pageGrade(page: ExplainerPage): { grade: number } & TextStats {
  const stats = textStats(pageBodyUnits(page));
  return { grade: gradeFromStats(stats), ...stats };
}
