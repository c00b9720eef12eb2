import { z } from "zod";

// A record's dates as the record gives them. ClinicalTrials.gov writes "2006", "2006-11" or
// "2006-11-17", each ACTUAL or ESTIMATED (older records give no type). The database keeps a `date`
// column per field with AACT's rule (a month date becomes the month's last day, lib/ctgov/normalize),
// so sorting and comparisons work; that day is not in the record, so pages show the date at the
// precision and with the type the record states ("Started Nov 2006", "Expected to end Aug 2027").

export type DatePrecision = "year" | "month" | "day";
export type DateType = "actual" | "estimated" | null;
export type RecordDate = { date: string; precision: DatePrecision; type: DateType };

const dateStructSchema = z.looseObject({
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  type: z.string().nullish(),
});

/** `{date, type}` from a record's `…DateStruct` (anything else → null). */
export function recordDate(struct: unknown): RecordDate | null {
  const parsed = dateStructSchema.safeParse(struct);
  if (!parsed.success) return null;
  const { date, type } = parsed.data;
  const precision: DatePrecision = date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
  const t = type?.toUpperCase();
  return { date, precision, type: t === "ACTUAL" ? "actual" : t === "ESTIMATED" || t === "ANTICIPATED" ? "estimated" : null };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2006" → "2006", "2006-11" → "Nov 2006", "2006-11-07" → "Nov 7, 2006": never a day the record does not give. */
export function formatRecordDate(d: Pick<RecordDate, "date" | "precision">): string {
  const [y, m, day] = d.date.split("-");
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d.precision === "year" || !month) return y!;
  if (d.precision === "month" || !day) return `${month} ${y}`;
  return `${month} ${Number(day)}, ${y}`;
}

export type DateKind = "start" | "primaryCompletion" | "completion";

const WORDS: Record<DateKind, Record<"actual" | "estimated" | "unknown", string>> = {
  start: { actual: "Started", estimated: "Expected to start", unknown: "Start date" },
  // The date the last participant was examined for the main (primary) outcome, as ClinicalTrials.gov names it.
  primaryCompletion: { actual: "Primary completion", estimated: "Expected primary completion", unknown: "Primary completion date" },
  completion: { actual: "Ended", estimated: "Expected to end", unknown: "End date" },
};

/**
 * Older records give no type. Their overall status still says whether the study has started (any
 * status but not yet recruiting or withdrawn) or ended (completed, terminated): that statement of
 * the record decides the words; otherwise the date is shown as just a date.
 */
export function untypedAs(kind: DateKind, overallStatus: string | null | undefined): "actual" | "unknown" {
  if (!overallStatus) return "unknown";
  if (kind === "start") return ["NOT_YET_RECRUITING", "WITHDRAWN", "UNKNOWN"].includes(overallStatus) ? "unknown" : "actual";
  return ["COMPLETED", "TERMINATED"].includes(overallStatus) ? "actual" : "unknown";
}

/**
 * "Started Nov 2006", "Primary completion Mar 2012", "Ended Mar 2012", "Expected primary completion Aug 2027",
 * "Expected to end Aug 2027"; a date with no type and no telling status reads "End date Aug 2010".
 */
export function describeDate(kind: DateKind, d: RecordDate, overallStatus?: string | null): string {
  return `${WORDS[kind][d.type ?? untypedAs(kind, overallStatus)]} ${formatRecordDate(d)}`;
}

export type TrialDates = { start: RecordDate | null; primaryCompletion: RecordDate | null; completion: RecordDate | null };

/** The three study dates of a raw v2 record (statusModule). */
export function trialDates(raw: unknown): TrialDates {
  const status = (raw as { protocolSection?: { statusModule?: Record<string, unknown> } } | null)?.protocolSection?.statusModule ?? {};
  return {
    start: recordDate(status.startDateStruct),
    primaryCompletion: recordDate(status.primaryCompletionDateStruct),
    completion: recordDate(status.completionDateStruct),
  };
}
