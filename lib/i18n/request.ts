import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./messages";
import { DEFAULT_LOCALE, LOCALES } from "./paths";

// next-intl's per-request configuration: the locale from the [locale] segment (app/[locale]), its
// catalogues, and UTC for dates (trial dates are calendar dates; the server's zone must not shift them).
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(LOCALES, requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
