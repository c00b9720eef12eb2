import { defineRouting } from "next-intl/routing";
import { LOCALES, DEFAULT_LOCALE } from "./paths";

/**
 * The site's languages (SPEC §11; docs/decisions/030-spanish-routing.md). English keeps its
 * addresses (/trials); Spanish lives under /es (/es/trials). No detection from the browser's
 * language and no locale cookie: an address always shows the same language, so a shared link shows
 * what its sender saw, and nothing is stored about the visitor.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
  // hreflang alternates are written into each page's <head> (app/[locale]/layout.tsx), with the search kept.
  alternateLinks: false,
});
