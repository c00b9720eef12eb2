import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import styles from "../learn.module.css";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-24" → "November 24, 2026", from the string itself so no time zone can shift the day. */
export function formatReviewDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}

/** The same date in a language: English as above, Spanish "24 de noviembre de 2026" (read in UTC, so the day cannot shift). */
export function formatReviewDateIn(isoDate: string, locale: Locale): string {
  if (locale === "en") return formatReviewDate(isoDate);
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function LastReviewed({ date, locale }: { date: string; locale: Locale }) {
  const t = translatorFor(locale, "learn");
  return (
    <p className={styles.meta}>
      {t("lastReviewed")} <time dateTime={date}>{formatReviewDateIn(date, locale)}</time>
    </p>
  );
}
