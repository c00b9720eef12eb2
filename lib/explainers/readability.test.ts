import { describe, expect, it } from "vitest";
import { countSyllables, fleschKincaidGrade, numberWords, splitSentences, textStats } from "./readability";

// Syllable counts checked against a dictionary (Merriam-Webster hyphenation).
const DICTIONARY: Record<string, number> = {
  the: 1, cat: 1, table: 2, people: 2, possible: 3, degenerative: 5, mesenchymal: 4, autologous: 4,
  allogeneic: 5, intradiscal: 4, epidural: 4, umbilical: 4, adipose: 3, vertebrae: 3, trial: 2,
  biology: 4, various: 3, injection: 3, inflammation: 4, physician: 3, usually: 4, individual: 5,
  evaluate: 4, experience: 4, patient: 2, wanted: 2, called: 1, moved: 1, used: 1, studied: 2,
  places: 2, causes: 2, makes: 1, making: 2, being: 2, treatment: 2, safely: 2, useful: 2, only: 2,
  family: 3, early: 2, tissue: 2, therapy: 3, marrow: 2, procedure: 3, approved: 2, registered: 3,
  concentrated: 4, fluoroscopy: 5, platelet: 2, quality: 3, language: 2, region: 2, every: 3,
  area: 3, video: 3, theory: 3, whole: 1, while: 1, little: 2, before: 2, however: 3, guaranteed: 3,
  anesthesia: 4, experimental: 5, pluripotent: 4, intravenous: 4, intraosseous: 5, outpatient: 3,
  liposuction: 4, biomarkers: 4,
};

describe("countSyllables", () => {
  it("matches the dictionary on the words these pages use", () => {
    const wrong = Object.entries(DICTIONARY).filter(([word, n]) => countSyllables(word) !== n);
    expect(wrong.map(([w, n]) => `${w}: got ${countSyllables(w)}, dictionary ${n}`)).toEqual([]);
  });

  it("reads acronyms, codes and numbers aloud", () => {
    expect(countSyllables("FDA")).toBe(3);
    expect(countSyllables("MSCs")).toBe(3);
    expect(countSyllables("12-month")).toBe(2); // twelve-month
    expect(countSyllables("bone-marrow")).toBe(3);
  });
});

describe("numberWords", () => {
  it("spells numbers the way they are read", () => {
    expect(numberWords("$3,000")).toEqual(["three", "thousand", "dollars"]);
    expect(numberWords("40.7%")).toEqual(["forty", "point", "seven", "percent"]);
    expect(numberWords("26")).toEqual(["twenty-six"]);
    expect(numberWords("2024")).toEqual(["two", "thousand", "twenty-four"]);
  });
});

describe("splitSentences", () => {
  it("does not split at decimal points or common abbreviations", () => {
    expect(splitSentences("The rate was 40.7% at six months. It fell later, e.g. at a year.")).toEqual([
      "The rate was 40.7% at six months.",
      "It fell later, e\u2024g\u2024 at a year.",
    ]);
  });

  it("ends a sentence at ! and ? too", () => {
    expect(splitSentences("Is it safe? Ask! Then decide.")).toHaveLength(3);
  });
});

describe("fleschKincaidGrade", () => {
  it("gives the textbook value for a one-syllable sentence", () => {
    // 6 words, 6 syllables, 1 sentence: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
    expect(fleschKincaidGrade("The cat sat on the mat.")).toBeCloseTo(-1.45, 2);
  });

  // Reference values from text-readability 1.1 (a port of Python's textstat), which reports the same
  // syllable, word and sentence counts for these texts and rounds the grade to one decimal.
  it.each([
    [
      "an abstract from a spine journal",
      "Chronic discogenic low back pain poses a significant global burden, yet effective therapeutic interventions directly targeting the underlying degenerative process remain elusive. After demonstrating promising results in preclinical studies, intradiscal injection of cell-based treatments has been increasingly investigated in the clinical setting.",
      { sentences: 2, words: 42, syllables: 103 },
      22.1,
    ],
    [
      "a school science text",
      "Scientists study the ocean to learn how it changes over time. They measure the temperature of the water, the amount of salt it holds, and the way currents move around the globe. These measurements help them predict the weather and understand the climate.",
      { sentences: 3, words: 43, syllables: 63 },
      7.7,
    ],
    [
      "an early-reader text",
      "The sun was hot. We went to the lake to swim. My dog ran in the water and got wet. Then we had lunch on the grass and went home.",
      { sentences: 4, words: 30, syllables: 31 },
      -1,
    ],
  ])("agrees with an independent implementation on %s", (_name, text, stats, reference) => {
    expect(textStats([text])).toEqual(stats);
    expect(Math.abs(fleschKincaidGrade(text) - reference)).toBeLessThan(0.75);
  });

  it("counts a list item without a full stop as one sentence", () => {
    expect(textStats(["More back pain for a few days", "A headache that goes away"]).sentences).toBe(2);
  });
});
