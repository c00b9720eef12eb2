import { EXPLAINER_PAGES } from "./pages";
import { EXPLAINER_PAGES_ES } from "./pages-es";
import { QUESTIONS_TO_ASK } from "./pages/choosing-a-provider";
import { QUESTIONS_TO_ASK as QUESTIONS_TO_ASK_ES } from "./pages-es/choosing-a-provider";
import type { ExplainerPage } from "./schema";

// Picking an explainer by language. The routing layer (SPEC §11: every page under /es/…) passes the
// locale it resolved; content stays plain data here, so lib/ never depends on the i18n library.
// Links inside the content are written without a locale ("/learn/risks"): the page renders them with
// a locale-aware link, so the same content works under /learn and /es/learn.

export const EXPLAINER_LOCALES = ["en", "es"] as const;
export type ExplainerLocale = (typeof EXPLAINER_LOCALES)[number];
export const DEFAULT_EXPLAINER_LOCALE: ExplainerLocale = "en";

const PAGES: Record<ExplainerLocale, readonly ExplainerPage[]> = { en: EXPLAINER_PAGES, es: EXPLAINER_PAGES_ES };
const QUESTIONS: Record<ExplainerLocale, readonly string[]> = { en: QUESTIONS_TO_ASK, es: QUESTIONS_TO_ASK_ES };

export function isExplainerLocale(value: unknown): value is ExplainerLocale {
  return typeof value === "string" && (EXPLAINER_LOCALES as readonly string[]).includes(value);
}

/** Every explainer in one language, in reading order (the same order in every language). */
export function explainerPagesFor(locale: ExplainerLocale): readonly ExplainerPage[] {
  return PAGES[locale];
}

export function getLocalizedExplainerPage(slug: string, locale: ExplainerLocale): ExplainerPage | undefined {
  return PAGES[locale].find((p) => p.slug === slug);
}

export function getLocalizedSection(slug: string, sectionId: string, locale: ExplainerLocale) {
  return getLocalizedExplainerPage(slug, locale)?.sections.find((s) => s.id === sectionId);
}

export function localizedNeighbours(slug: string, locale: ExplainerLocale): { previous?: ExplainerPage; next?: ExplainerPage } {
  const pages = PAGES[locale];
  const i = pages.findIndex((p) => p.slug === slug);
  if (i < 0) return {};
  return { previous: pages[i - 1], next: pages[i + 1] };
}

/** The questions for the printable checklist, in one language. */
export function questionsToAsk(locale: ExplainerLocale): readonly string[] {
  return QUESTIONS[locale];
}
