import { describe, expect, it } from "vitest";
import {
  countSyllablesEs,
  fernandezHuerta,
  fernandezHuertaLaw,
  numberWordsEs,
  splitSentencesEs,
  textStatsEs,
  wordsEs,
} from "./readability-es";

describe("countSyllablesEs", () => {
  // Counts as the Real Academia Española divides them (Ortografía 2010): diphthongs and triphthongs
  // are one syllable, two strong vowels or an accented í/ú make a hiatus.
  it.each([
    // plain words
    ["casa", 2],
    ["sangre", 2],
    ["transporte", 3],
    ["construcción", 3],
    ["enfermedad", 4],
    ["obstáculo", 4],
    ["células", 3],
    ["quirúrgico", 4],
    // diphthongs (weak + strong, strong + weak, weak + weak)
    ["aire", 2],
    ["ciudad", 2],
    ["cuidado", 3],
    ["hielo", 2],
    ["hueso", 2],
    ["piel", 1],
    ["inflamación", 4],
    ["guion", 1],
    // hiatus: two strong vowels, or a written accent on í / ú
    ["país", 2],
    ["día", 2],
    ["leer", 2],
    ["cooperar", 4],
    ["aéreo", 4],
    ["poesía", 4],
    ["oído", 3],
    ["reúne", 3],
    ["todavía", 4],
    // triphthongs and a final y
    ["buey", 1],
    ["Uruguay", 3],
    ["averiguáis", 4],
    ["hoy", 1],
    ["muy", 1],
    ["ley", 1],
    ["y", 1],
    // y as a consonant
    ["yo", 1],
    ["mayo", 2],
    ["inyección", 3],
    // silent u (que, gui) and ü
    ["que", 1],
    ["guerra", 2],
    ["pingüino", 3],
    ["cigüeña", 3],
    // h: silent between vowels, part of ch
    ["ahí", 2],
    ["búho", 2],
    ["ahora", 3],
    ["alcohol", 3],
    ["noche", 2],
    // hyphens, acronyms and codes (letter names: efe-de-a; e-ne ce te + ce-ro dos cua-tro u-no)
    ["médula-ósea", 6],
    ["FDA", 4],
    ["PRP", 4],
    ["NCT0241", 11],
  ] as const)("%s has %i syllables", (word, n) => {
    expect(countSyllablesEs(word)).toBe(n);
  });

  it("ignores the case of a capitalised word, and reads an all-capitals word as an acronym", () => {
    expect(countSyllablesEs("País")).toBe(2);
    expect(countSyllablesEs("NIH")).toBe(5); // e-ne i ha-che
  });
});

describe("numbers are read as spoken Spanish", () => {
  it.each([
    ["7", ["siete"]],
    ["26", ["veintiséis"]],
    ["27%", ["veintisiete", "por", "ciento"]],
    ["40,7%", ["cuarenta", "coma", "siete", "por", "ciento"]],
    ["40.7", ["cuarenta", "punto", "siete"]],
    ["100", ["cien"]],
    ["400", ["cuatrocientos"]],
    ["3000", ["tres", "mil"]],
    ["2024", ["dos", "mil", "veinticuatro"]],
  ] as const)("%s", (token, spoken) => {
    expect(numberWordsEs(token)).toEqual(spoken);
  });

  it("reads a lone % sign as two words", () => {
    expect(wordsEs("Un 27 % de ellos.")).toEqual(["Un", "veintisiete", "por", "ciento", "de", "ellos"]);
  });
});

describe("splitSentencesEs", () => {
  it("splits at . ? ! and keeps opening ¿ ¡ in the sentence", () => {
    expect(splitSentencesEs("¿Qué es un disco? Es un cojín. ¡Ojo!")).toEqual(["¿Qué es un disco?", "Es un cojín.", "¡Ojo!"]);
  });
  it("does not split at decimals or common abbreviations", () => {
    expect(splitSentencesEs("Fue el 40.7 de ellos, p. ej. en EE. UU. y nada más.")).toHaveLength(1);
  });
});

describe("Fernández-Huerta", () => {
  it("scores an easy passage as very easy (hand count)", () => {
    // "El disco es un cojín blando. Está entre dos huesos."
    //   El(1) dis-co(2) es(1) un(1) co-jín(2) blan-do(2)   → 6 words, 9 syllables
    //   Es-tá(2) en-tre(2) dos(1) hue-sos(2)               → 4 words, 7 syllables
    // 10 words, 16 syllables, 2 sentences: P = 160, F = 20.
    // FH  = 206.84 − 0.60 × 160 − 1.02 × 20 = 206.84 − 96 − 20.4 = 90.44
    // Law = 206.84 − 96 − 1.02 × (10 / 2)   = 105.74
    const text = "El disco es un cojín blando. Está entre dos huesos.";
    expect(textStatsEs([text])).toEqual({ sentences: 2, words: 10, syllables: 16 });
    expect(fernandezHuerta(text)).toBeCloseTo(90.44, 2);
    expect(fernandezHuertaLaw(text)).toBeCloseTo(105.74, 2);
  });

  it("scores a long medical sentence below 70 (hand count)", () => {
    // "La terapia celular para el dolor de espalda todavía se encuentra en investigación."
    //   La(1) te-ra-pia(3) ce-lu-lar(3) pa-ra(2) el(1) do-lor(2) de(1) es-pal-da(3) to-da-ví-a(4)
    //   se(1) en-cuen-tra(3) en(1) in-ves-ti-ga-ción(5)   → 13 words, 30 syllables, 1 sentence
    // P = 3000 / 13 = 230.77, F = 100 / 13 = 7.69
    // FH  = 206.84 − 138.46 − 7.85 = 60.53
    // Law = 206.84 − 138.46 − 1.02 × 13 = 55.12
    const text = "La terapia celular para el dolor de espalda todavía se encuentra en investigación.";
    expect(textStatsEs([text])).toEqual({ sentences: 1, words: 13, syllables: 30 });
    expect(fernandezHuerta(text)).toBeCloseTo(60.53, 2);
    expect(fernandezHuertaLaw(text)).toBeCloseTo(55.12, 2);
  });

  it("counts numbers as their spoken words (hand count)", () => {
    // "Solo 7 de 26 se publicaron." → So-lo(2) sie-te(2) de(1) vein-ti-séis(3) se(1) pu-bli-ca-ron(4)
    // 6 words, 13 syllables, 1 sentence: FH = 206.84 − 0.6 × 216.67 − 1.02 × 16.67 = 59.84
    expect(textStatsEs(["Solo 7 de 26 se publicaron."])).toEqual({ sentences: 1, words: 6, syllables: 13 });
    expect(fernandezHuerta("Solo 7 de 26 se publicaron.")).toBeCloseTo(59.84, 2);
  });

  it("shows the known quirk of the usual form: more, shorter sentences score lower, while Law's reading scores them higher", () => {
    const one = "El médico mira la espalda y pide una imagen del disco.";
    const two = "El médico mira la espalda. Y pide una imagen del disco.";
    expect(fernandezHuerta(two)).toBeLessThan(fernandezHuerta(one));
    expect(fernandezHuertaLaw(two)).toBeGreaterThan(fernandezHuertaLaw(one));
  });

  it("scores long words lower than short ones", () => {
    expect(fernandezHuerta("Las intervenciones regenerativas experimentales.")).toBeLessThan(fernandezHuerta("Es una cura que no se ha visto."));
  });

  it("is 0 for empty text rather than NaN", () => {
    expect(fernandezHuerta("")).toBe(0);
    expect(fernandezHuertaLaw([])).toBe(0);
  });
});
