import type { Locale } from "@/lib/i18n/paths";

/** A count as the home page shows it: English as it always has (1234), Spanish in its own form (12.345). */
export function formatCount(n: number, locale: Locale): string {
  return locale === "en" ? String(n) : new Intl.NumberFormat(locale).format(n);
}
