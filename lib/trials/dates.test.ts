import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parsePartialDate } from "../ctgov/normalize";
import { describeDate, formatRecordDate, recordDate, trialDates } from "./dates";

function bundled(nctId: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(path.resolve("tests/fixtures/ctgov/studies", `${nctId}.json.gz`))).toString("utf8"));
}
const statusOf = (raw: unknown) => (raw as { protocolSection: { statusModule: { overallStatus: string } } }).protocolSection.statusModule.overallStatus;

describe("record dates keep their precision and type", () => {
  it("reads the three precisions and both types", () => {
    expect(recordDate({ date: "2006-11" })).toEqual({ date: "2006-11", precision: "month", type: null });
    expect(recordDate({ date: "2027-08", type: "ESTIMATED" })).toEqual({ date: "2027-08", precision: "month", type: "estimated" });
    expect(recordDate({ date: "2012-03-14", type: "ACTUAL" })).toEqual({ date: "2012-03-14", precision: "day", type: "actual" });
    expect(recordDate({ date: "2015" })?.precision).toBe("year");
    expect(recordDate({ date: "Nov 2006" })).toBeNull();
    expect(recordDate(null)).toBeNull();
  });

  it("never shows a day the record does not give", () => {
    expect(formatRecordDate({ date: "2006-11", precision: "month" })).toBe("Nov 2006");
    expect(formatRecordDate({ date: "2015", precision: "year" })).toBe("2015");
    expect(formatRecordDate({ date: "2012-03-07", precision: "day" })).toBe("Mar 7, 2012");
  });

  it("words each date by its type: actual ends are 'Ended', estimated ones 'Expected to end'", () => {
    expect(describeDate("completion", recordDate({ date: "2012-03", type: "ACTUAL" })!)).toBe("Ended Mar 2012");
    expect(describeDate("completion", recordDate({ date: "2027-08", type: "ESTIMATED" })!)).toBe("Expected to end Aug 2027");
    expect(describeDate("start", recordDate({ date: "2026-01-15", type: "ESTIMATED" })!)).toBe("Expected to start Jan 15, 2026");
    expect(describeDate("primaryCompletion", recordDate({ date: "2012-03", type: "ACTUAL" })!)).toBe("Primary completion Mar 2012");
    expect(describeDate("primaryCompletion", recordDate({ date: "2027-08", type: "ESTIMATED" })!)).toBe("Expected primary completion Aug 2027");
    expect(describeDate("primaryCompletion", recordDate({ date: "2010-08" })!, "RECRUITING")).toBe("Primary completion date Aug 2010");
  });

  it("an untyped date follows what the record's status says, and is only a date otherwise", () => {
    const d = recordDate({ date: "2010-08" })!;
    expect(describeDate("completion", d, "COMPLETED")).toBe("Ended Aug 2010");
    expect(describeDate("completion", d, "UNKNOWN")).toBe("End date Aug 2010");
    expect(describeDate("start", d, "RECRUITING")).toBe("Started Aug 2010");
    expect(describeDate("start", d, "NOT_YET_RECRUITING")).toBe("Start date Aug 2010");
  });

  it("NCT00763412 (real record): 'Started Nov 2006', 'Primary completion Jan 2013' and 'Ended Jan 2013', while storage keeps AACT's last-day rule", () => {
    const raw = bundled("NCT00763412");
    const dates = trialDates(raw);
    expect(dates.start).toEqual({ date: "2006-11", precision: "month", type: null });
    expect(describeDate("start", dates.start!, statusOf(raw))).toBe("Started Nov 2006");
    expect(describeDate("primaryCompletion", dates.primaryCompletion!, statusOf(raw))).toBe("Primary completion Jan 2013");
    expect(describeDate("completion", dates.completion!, statusOf(raw))).toBe("Ended Jan 2013");
    // The stored column is the month's last day (AACT: start_date 2006-11-30 for this record).
    expect(parsePartialDate(dates.start!.date)).toBe("2006-11-30");
  });
});
