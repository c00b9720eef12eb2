import type { Source } from "./schema";
import { CORD_MSC_SEARCH, DISCGENICS_TRIALS, MAYO_BACK_PAIN_STUDIES, REVIEW_2022_SEARCH } from "./sources";

// The Spanish explainers cite the very same sources as the English ones (a source is known by its URL;
// content.test checks each Spanish page names the same URLs in the same order). The names stay as the
// publisher wrote them: they are titles, and the pages behind them are in English. What we add is a
// note in Spanish, so a reader knows the link leads to English text, and our own notes in Spanish.

const IN_ENGLISH = "Página en inglés.";

const NOTES_ES: Record<string, string> = {
  [MAYO_BACK_PAIN_STUDIES.url]: "Es una búsqueda, no un solo estudio: muestra los estudios de la Mayo Clinic con MSC para el dolor de la parte baja de la espalda. Página en inglés.",
  [REVIEW_2022_SEARCH.url]:
    "Las cifras de 40,7 % y 30 % son las que se dieron para una revisión de 2022. No las pudimos unir a un solo artículo, así que tómelas como aproximadas. Página en inglés.",
  [CORD_MSC_SEARCH.url]: "Es una búsqueda de artículos científicos. Página en inglés.",
  [DISCGENICS_TRIALS.url]: "Es una búsqueda de los estudios de DiscGenics. Página en inglés.",
};

/** The same source, with a note in Spanish (our own note translated, or "the page is in English"). */
export function inSpanish(source: Source): Source {
  return { ...source, note: NOTES_ES[source.url] ?? IN_ENGLISH };
}

/** A study's record on ClinicalTrials.gov, named in Spanish (the same URL as `trialRecord`). */
export const trialRecordEs = (nctId: string, what: string): Source => ({
  name: `Registro ${nctId} en ClinicalTrials.gov: ${what}`,
  url: `https://clinicaltrials.gov/study/${nctId}`,
  note: IN_ENGLISH,
});

/** A source with a note of our own written for one Spanish page (keeps the URL and name). */
export function withNoteEs(source: Source, note: string): Source {
  return { ...source, note: `${note} ${IN_ENGLISH}` };
}
