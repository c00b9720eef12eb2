import { STATUS_ENUM } from "@/lib/search/schema";
import type { TrialDetail } from "@/lib/trials/data";
import { describeDate, formatRecordDate } from "@/lib/trials/dates";

// The study's dates as the record gives them: its precision ("Nov 2006", never an invented day) and
// its type ("Ended" for an actual date, "Expected to end" for an estimate), for the start, the primary
// completion (the main outcome's last measurement) and the end of the study.

export function TrialDatesLine({ trial }: { trial: Pick<TrialDetail, "dates" | "status" | "lastUpdated"> }) {
  const status = STATUS_ENUM[trial.status];
  const { start, primaryCompletion, completion } = trial.dates;
  const parts = [
    start ? describeDate("start", start, status) : "Start date not stated",
    primaryCompletion ? describeDate("primaryCompletion", primaryCompletion, status) : null,
    completion ? describeDate("completion", completion, status) : null,
    trial.lastUpdated ? `Record updated ${formatRecordDate({ date: trial.lastUpdated, precision: "day" })}` : null,
  ].filter(Boolean);
  return <span data-testid="trial-dates">{parts.join(" · ")}</span>;
}
