import type { Locale } from "./paths";

// A record's date ("2006", "2006-11", "2006-11-07") in a language at the precision the record gives:
// never a day the record does not state. English keeps lib/trials/dates.ts's form ("Nov 7, 2006");
// Spanish uses the browser's own words ("nov 2006", "7 nov 2006").

const ES = {
  day: new Intl.DateTimeFormat("es", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("es", { month: "short", year: "numeric", timeZone: "UTC" }),
  stamp: new Intl.DateTimeFormat("es", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }),
};

/** "2006-11" → "nov 2006"; "2006-11-07" → "7 nov 2006"; "2006" → "2006" (Spanish only; null when not a date). */
export function spanishRecordDate(date: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  if (Number.isNaN(at.getTime())) return null;
  return (d ? ES.day : ES.month).format(at);
}

/** An instant as "6 dic 2026, 17:33" (UTC) in Spanish. */
export function spanishStamp(at: string | Date): string {
  return ES.stamp.format(typeof at === "string" ? new Date(at) : at);
}

/** A number in a language's form: English as before (no grouping), Spanish "12.345". */
export function numberIn(locale: Locale, n: number): string {
  return locale === "es" ? new Intl.NumberFormat("es").format(n) : String(n);
}
