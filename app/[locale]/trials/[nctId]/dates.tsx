import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import { spanishRecordDate } from "@/lib/i18n/record-dates";
import { STATUS_ENUM } from "@/lib/search/schema";
import type { TrialDetail } from "@/lib/trials/data";
import { describeDate, formatRecordDate, untypedAs, type DateKind, type RecordDate } from "@/lib/trials/dates";

// The study's dates as the record gives them: its precision ("Nov 2006", never an invented day) and
// its type ("Ended" for an actual date, "Expected to end" for an estimate), for the start, the primary
// completion (the main outcome's last measurement) and the end of the study. Spanish: the `trial`
// catalogue's `dates` words with the date in Spanish form ("nov 2006").

function describeIn(locale: Locale, kind: DateKind, d: RecordDate, status: string | null | undefined): string {
  if (locale === "en") return describeDate(kind, d, status);
  const t = translatorFor(locale, "trial");
  return t(`dates.${kind}.${d.type ?? untypedAs(kind, status)}`, { date: spanishRecordDate(d.date) ?? d.date });
}

export function TrialDatesLine({ trial, locale = "en" }: { trial: Pick<TrialDetail, "dates" | "status" | "lastUpdated">; locale?: Locale }) {
  const t = translatorFor(locale, "trial");
  const status = STATUS_ENUM[trial.status];
  const { start, primaryCompletion, completion } = trial.dates;
  const updated = trial.lastUpdated ? (locale === "en" ? formatRecordDate({ date: trial.lastUpdated, precision: "day" }) : (spanishRecordDate(trial.lastUpdated) ?? trial.lastUpdated)) : null;
  const parts = [
    start ? describeIn(locale, "start", start, status) : t("dates.startNotStated"),
    primaryCompletion ? describeIn(locale, "primaryCompletion", primaryCompletion, status) : null,
    completion ? describeIn(locale, "completion", completion, status) : null,
    updated ? t("dates.recordUpdated", { date: updated }) : null,
  ].filter(Boolean);
  return <span data-testid="trial-dates">{parts.join(" · ")}</span>;
}
