// Fernández-Huerta readability for Spanish, our own small implementation (no dictionary, works offline).
//
//   FH = 206.84 − 0.60 × P − 1.02 × F
//
// P is syllables per 100 words and F is sentences per 100 words, the form in which the formula is usually
// given (Fernández Huerta 1959, an adaptation of Flesch's Reading Ease to Spanish). Higher is easier:
// 70–80 "algo fácil" (about US grade 6), 80–90 "fácil", 90–100 "muy fácil". Known limit: in this form
// the third term falls as sentences get shorter, the opposite of Flesch's; Law (2011) argues the
// original meant words per sentence. We also compute that reading (`fernandezHuertaLaw`) and the
// content test holds pages to both, so a page cannot pass on long sentences. See docs/decisions.
//
// Syllables come from the vowel nuclei of each word (see `countSyllablesEs`), numbers are read as spoken
// Spanish ("40,7 %" is "cuarenta coma siete por ciento") and acronyms letter by letter ("FDA" is
// "efe de a", four syllables), because that is how a reader meets them.

import type { ExplainerPage } from "./schema";
import { pageBodyUnits, textStatsIn, type TextStats } from "./readability";

export type TextStatsEs = TextStats;

const LETTERS = "A-Za-zÁÉÍÓÚÜÑáéíóúüñ";
const LETTER = new RegExp(`[${LETTERS}]`);
const DIGIT_OR_LETTER = new RegExp(`[${LETTERS}0-9]`);

// Strong (open) vowels always make a syllable nucleus; so do í and ú, whose written accent marks a
// hiatus ("país", "día", "reúne"). Unaccented i, u, ü (and a final y) are weak: they join the nearest
// nucleus as a diphthong or triphthong ("aire", "ciudad", "buey", "Uruguay").
const STRONG = new Set(["a", "e", "o", "á", "é", "ó", "í", "ú"]);
const WEAK = new Set(["i", "u", "ü", "y"]);

/**
 * Syllables in one Spanish word. Rules (Real Academia Española, Ortografía 2010, §4.1):
 * - each run of vowels is one syllable unless it holds more than one nucleus: two strong vowels are
 *   a hiatus ("le-er", "po-e-ta", "a-é-re-o"), and an accented í/ú breaks from any neighbour
 *   ("pa-ís", "dí-a", "o-í-do", "re-ú-ne");
 * - weak + strong, strong + weak, weak + weak and weak + strong + weak stay together ("ai-re",
 *   "hie-lo", "ciu-dad", "cui-da-do", "guion", "buey", "U-ru-guay", "a-ve-ri-guáis");
 * - a silent h between vowels does not split them ("prohibido" is pro-hi-bi-do in writing but three
 *   syllables said, [proi.ˈβi.ðo]; "búho" still splits at the ú); "ch" is a consonant;
 * - y is a vowel at the end of a word after a vowel ("hoy", "muy", "ley") and as the word "y";
 *   elsewhere it is a consonant ("yo", "mayo", "inyección");
 * - the u of que/qui/gue/gui is silent, which the rules above already count right (a weak vowel
 *   joins its nucleus). Words with no vowel at all count as one syllable.
 * Hyphenated words count part by part; acronyms and codes are read letter by letter.
 */
export function countSyllablesEs(raw: string): number {
  if (raw.includes("-")) {
    return raw
      .split("-")
      .filter(Boolean)
      .reduce((sum, part) => sum + countSyllablesEs(part), 0);
  }
  if (/^\d[\d.,]*%?$/.test(raw)) return numberWordsEs(raw).reduce((sum, w) => sum + countSyllablesEs(w), 0);
  // Acronyms (FDA, NIH, PRP, MSC) and codes (NCT02412735) are read letter by letter.
  if (/^[A-ZÑ]{2,}s?$/.test(raw) || (/\d/.test(raw) && LETTER.test(raw))) {
    return raw
      .replace(/(?<=[A-Z])s$/, "")
      .split("")
      .filter((ch) => DIGIT_OR_LETTER.test(ch))
      .reduce((sum, ch) => sum + letterSyllablesEs(ch), 0);
  }
  const word = raw
    .toLowerCase()
    .replace(new RegExp(`[^${LETTERS.toLowerCase()}]`, "g"), "")
    .replace(/ch/g, "c") // "ch" is one consonant: its h is not the silent h between vowels
    .replace(/(?<=[aeiouáéíóúü])h(?=[aeiouáéíóúü])/g, ""); // silent h between vowels
  if (!word) return 0;
  if (word === "y") return 1;
  const letters = [...word];
  let count = 0;
  let i = 0;
  while (i < letters.length) {
    if (!isVowel(letters, i)) {
      i += 1;
      continue;
    }
    // One run of vowels: count its nuclei, at least one.
    let nuclei = 0;
    while (i < letters.length && isVowel(letters, i)) {
      if (STRONG.has(letters[i] ?? "")) nuclei += 1;
      i += 1;
    }
    count += Math.max(1, nuclei);
  }
  return Math.max(1, count);
}

function isVowel(letters: string[], i: number): boolean {
  const ch = letters[i] ?? "";
  if (ch === "y") return i === letters.length - 1 && i > 0 && /[aeiouáéíóú]/.test(letters[i - 1] ?? "");
  return STRONG.has(ch) || WEAK.has(ch);
}

// Spanish letter names: "efe" (2), "hache" (2), "erre" (2), "uve doble" (3)…; the rest are one syllable.
const LETTER_SYLLABLES: Record<string, number> = { f: 2, h: 2, j: 2, l: 2, m: 2, n: 2, ñ: 2, r: 2, s: 2, v: 2, w: 3, x: 2, z: 2 };
// Digits read one by one in codes: "cero" 2, "uno" 2, "dos" 1, "tres" 1, "cuatro" 2, "cinco" 2, "seis" 1,
// "siete" 2, "ocho" 2, "nueve" 2.
const DIGIT_SYLLABLES = [2, 2, 1, 1, 2, 2, 1, 2, 2, 2];

function letterSyllablesEs(ch: string): number {
  if (/\d/.test(ch)) return DIGIT_SYLLABLES[Number(ch)] ?? 2;
  return LETTER_SYLLABLES[ch.toLowerCase()] ?? 1;
}

const UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"];
const TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];
const HUNDREDS = ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"];

function integerWordsEs(n: number): string[] {
  if (n < 30) return [UNITS[n] ?? "cero"];
  if (n < 100) return [TENS[Math.floor(n / 10)] ?? "", ...(n % 10 ? ["y", UNITS[n % 10] ?? ""] : [])];
  if (n === 100) return ["cien"];
  if (n < 1000) return [HUNDREDS[Math.floor(n / 100)] ?? "", ...(n % 100 ? integerWordsEs(n % 100) : [])];
  if (n < 1_000_000) {
    const thousands = Math.floor(n / 1000);
    const rest = n % 1000;
    return [...(thousands === 1 ? [] : integerWordsEs(thousands)), "mil", ...(rest ? integerWordsEs(rest) : [])];
  }
  const millions = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  return [...(millions === 1 ? ["un", "millón"] : [...integerWordsEs(millions), "millones"]), ...(rest ? integerWordsEs(rest) : [])];
}

/**
 * "40,7 %" or "40.7%" → cuarenta coma|punto siete por ciento; "10 000" is written as "10 mil" on our
 * pages. A comma or point followed by exactly three digits is a thousands separator ("3,000", "3.000").
 */
export function numberWordsEs(token: string): string[] {
  const m = /^(\d+(?:[.,]\d{3})*)(?:([.,])(\d+))?(%?)$/.exec(token);
  if (!m) return [token];
  const [, whole = "0", mark, fraction, percent] = m;
  const out = integerWordsEs(Number(whole.replace(/[.,]/g, "")));
  if (mark && fraction) out.push(mark === "," ? "coma" : "punto", ...integerWordsEs(Number(fraction)));
  if (percent) out.push("por", "ciento");
  return out;
}

/**
 * Sentences end at ., !, ?, … or a closing ? / ! followed by a space or the end (not at "40,7", "40.7"
 * or the abbreviations below). Spanish opening marks (¿ ¡) need no handling: they start a sentence.
 */
export function splitSentencesEs(text: string): string[] {
  const protectedText = text.replace(/\b(p\. ej|EE\. UU|etc|Dr|Dra|Sr|Sra|aprox|núm|pág)\./g, (m) => m.replace(/\./g, "\u2024"));
  return protectedText
    .split(/(?<=[.!?…])["”’»)]*\s+/)
    .map((s) => s.trim())
    .filter((s) => DIGIT_OR_LETTER.test(s));
}

/** Word tokens as read aloud: numbers expanded into their spoken words, a lone "%" as "por ciento". */
export function wordsEs(sentence: string): string[] {
  return sentence
    .replace(/[–—/]/g, " ")
    .split(/\s+/)
    .flatMap((t) => (t === "%" ? ["por", "ciento"] : [t]))
    .map((t) => t.replace(new RegExp(`^[^${LETTERS}0-9]+|[^${LETTERS}0-9%]+$`, "g"), ""))
    .filter((t) => DIGIT_OR_LETTER.test(t))
    .flatMap((t) => (/^\d/.test(t) && !LETTER.test(t) ? numberWordsEs(t) : [t]));
}

export function textStatsEs(units: string[]): TextStatsEs {
  return textStatsIn(units, { splitSentences: splitSentencesEs, words: wordsEs, countSyllables: countSyllablesEs });
}

/** Fernández-Huerta as usually given: F is sentences per 100 words. */
export function fernandezHuertaFromStats({ sentences, words: w, syllables }: TextStatsEs): number {
  if (sentences === 0 || w === 0) return 0;
  const p = (100 * syllables) / w;
  const f = (100 * sentences) / w;
  return 206.84 - 0.6 * p - 1.02 * f;
}

/** Law's (2011) reading of the same formula: F is words per sentence, as in Flesch's Reading Ease. */
export function fernandezHuertaLawFromStats({ sentences, words: w, syllables }: TextStatsEs): number {
  if (sentences === 0 || w === 0) return 0;
  return 206.84 - 0.6 * ((100 * syllables) / w) - 1.02 * (w / sentences);
}

export function fernandezHuerta(text: string | string[]): number {
  return fernandezHuertaFromStats(textStatsEs(Array.isArray(text) ? text : [text]));
}

export function fernandezHuertaLaw(text: string | string[]): number {
  return fernandezHuertaLawFromStats(textStatsEs(Array.isArray(text) ? text : [text]));
}

/** The same text the English grade measures (summary and every block, link markup reduced to its text). */
export function pageFernandezHuerta(page: ExplainerPage): { fh: number; fhLaw: number } & TextStatsEs {
  const stats = textStatsEs(pageBodyUnits(page));
  return { fh: fernandezHuertaFromStats(stats), fhLaw: fernandezHuertaLawFromStats(stats), ...stats };
}
