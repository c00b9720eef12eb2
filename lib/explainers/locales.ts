import { FILTER_HELP, explainerHref, explainerLinksFor, explainerTarget, type ExplainerKind, type ExplainerLink, type FilterKind } from "./links";
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

/**
 * The Spanish help under each filter group on /trials (the English is FILTER_HELP in links.ts): the same
 * links, one or two plain sentences each, held to Fernández-Huerta ≥ 70 in content-es.test.ts.
 */
export const FILTER_HELP_ES: Record<FilterKind, { label: string; text: string; href: string }> = {
  therapy: {
    label: "Tipos de tratamiento",
    text: "El tipo de tratamiento que prueba un estudio. Terapia con células quiere decir que se ponen células vivas.",
    href: explainerHref("therapy"),
  },
  source: {
    label: "De dónde vienen las células",
    text: "De dónde vienen las células, como la médula ósea, la grasa o un cordón umbilical. Un estudio puede usar más de una fuente.",
    href: explainerHref("source"),
  },
  donor: {
    label: "Células propias o de donante",
    text: "Si las células son suyas o vienen de un donante. Los registros las llaman autólogas y alogénicas.",
    href: explainerHref("donor"),
  },
  route: {
    label: "Vías de inyección",
    text: "Dónde se pone el tratamiento. Lo más común es una inyección en el disco mismo (intradiscal).",
    href: explainerHref("route"),
  },
  phase: {
    label: "Fases del estudio",
    text: "Qué tan avanzada está la prueba. Las primeras fases miran si es seguro en pocas personas, y la fase 3 mira si ayuda en muchas.",
    href: explainerHref("phase"),
  },
  status: {
    label: "Estado del estudio",
    text: "Si un estudio acepta personas nuevas. Abierto quiere decir que busca gente ahora, que lo hará pronto, o que solo entra quien es invitado.",
    href: explainerHref("status"),
  },
  location: {
    label: "Centros del estudio y distancia",
    text: "Muestra los estudios con al menos un centro en el lugar que usted elige, o a la distancia que usted pone.",
    href: explainerHref("location"),
  },
};

const FILTER_HELPS: Record<ExplainerLocale, typeof FILTER_HELP> = { en: FILTER_HELP, es: FILTER_HELP_ES };

export function filterHelpFor(locale: ExplainerLocale): typeof FILTER_HELP {
  return FILTER_HELPS[locale];
}

/** The heading of the section a slug links to, in one language (links.ts `explainerLabel` is English). */
export function explainerLabelFor(kind: ExplainerKind, slug: string | undefined, locale: ExplainerLocale): string {
  const { page, section } = explainerTarget(kind, slug);
  return getLocalizedSection(page, section, locale)?.heading ?? (locale === "es" ? "Más información" : "Learn more");
}

/** links.ts `explainerLinksFor`, labelled in one language (the hrefs are the same in every language). */
export function explainerLinksForLocale(c: Parameters<typeof explainerLinksFor>[0], locale: ExplainerLocale): ExplainerLink[] {
  return explainerLinksFor(c).map((link) => ({ ...link, label: explainerLabelFor(link.kind, link.slug, locale) }));
}
