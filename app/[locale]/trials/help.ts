import "server-only";
import { PHASES, ROUTES, SOURCES, STATUSES, THERAPIES } from "@/lib/classify/slugs";
import { explainerHref, FILTER_HELP, type FilterKind } from "@/lib/explainers/links";
import { flagsFor, labelsFor } from "@/lib/i18n/labels";
import { messagesFor } from "@/lib/i18n/messages";
import { localePath, type Locale } from "@/lib/i18n/paths";
import type { Labels } from "@/lib/search/labels";
import { SEARCH_DONORS } from "@/lib/search/schema";
import type { CountForms, SearchWords } from "./search-words";

// Explainer links, flag texts and the page's words in its language, computed on the server and handed
// to the client island as plain data, so neither the explainer content nor a catalogue (nor an i18n
// library) ships in the browser bundle (docs/decisions/030-spanish-routing.md).

export type FlagInfo = { label: string; explanation: string };
export type UiHelp = {
  locale: Locale;
  /** What the page's own links start with: "" in English, "/es" in Spanish (`${base}/trials`). */
  base: string;
  filter: Record<FilterKind, { text: string; href: string }>;
  href: Record<"therapy" | "source" | "donor" | "route" | "phase" | "status" | "flag", Record<string, string>>;
  flags: Record<string, FlagInfo>;
  labels: Labels;
  words: SearchWords;
  /** A card's eligibility line: the answers' short names and its two sentences. */
  fit: { names: Record<string, string>; rulesOut: string; noConflict: CountForms };
};

const cached = new Map<Locale, UiHelp>();

export function uiHelp(locale: Locale = "en"): UiHelp {
  const hit = cached.get(locale);
  if (hit) return hit;
  const here = (href: string) => localePath(locale, href);
  const hrefs = (kind: Parameters<typeof explainerHref>[0], slugs: readonly string[]) => Object.fromEntries(slugs.map((s) => [s, here(explainerHref(kind, s))]));
  const m = messagesFor(locale);
  const flags = flagsFor(locale);
  const filter = Object.fromEntries(
    (Object.keys(FILTER_HELP) as FilterKind[]).map((k) => [k, { text: m.trials.filterHelp[k], href: here(FILTER_HELP[k].href) }]),
  ) as UiHelp["filter"];
  const { filters, panel, header, pager, state, card, map, paramErrors } = m.trials;
  const help: UiHelp = {
    locale,
    base: here("/").replace(/\/$/, ""),
    filter,
    href: {
      therapy: hrefs("therapy", THERAPIES),
      source: hrefs("source", SOURCES),
      donor: hrefs("donor", [...SEARCH_DONORS, "mixed"]),
      route: hrefs("route", ROUTES),
      phase: hrefs("phase", PHASES),
      status: hrefs("status", STATUSES),
      flag: { ...hrefs("flag", Object.keys(flags)), "*": here(explainerHref("flag")) },
    },
    flags,
    labels: labelsFor(locale),
    words: { filters, panel, header, pager, state, card, map, paramErrors },
    fit: { names: m.eligibility.names, rulesOut: m.eligibility.fit.rulesOutLabel, noConflict: m.eligibility.fit.noConflictForms },
  };
  cached.set(locale, help);
  return help;
}
