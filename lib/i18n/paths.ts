// Locale names and addresses, without the i18n library: client components import this too, and
// /trials's first-load JavaScript has no room for more (docs/decisions/011-plain-links.md).

export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** `value` if it names a locale (a route segment, a stored column), otherwise English. */
export function localeOrDefault(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The address of an English path (`/trials?x=1`, `/`) in `locale`: English unchanged, Spanish under /es. */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  if (path === "/" || path.startsWith("/?") || path.startsWith("/#")) return `/${locale}${path.slice(1)}`;
  return `/${locale}${path}`;
}

/** The English path of an address in any locale (`/es/trials?x=1` → `/trials?x=1`). */
export function unlocalizedPath(address: string): { locale: Locale; path: string } {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const prefix = `/${locale}`;
    if (address === prefix) return { locale, path: "/" };
    if (address.startsWith(`${prefix}/`) || address.startsWith(`${prefix}?`) || address.startsWith(`${prefix}#`)) {
      const rest = address.slice(prefix.length);
      return { locale, path: rest.startsWith("/") ? rest : `/${rest}` };
    }
  }
  return { locale: DEFAULT_LOCALE, path: address };
}
