import { describe, expect, it } from "vitest";
import { fleschKincaidGrade } from "../explainers/readability";
import { fakeStudy, type FakeStudy } from "./fake-study";
import { endOf, FLAGS, flagsOf } from "./flags";
import { readStudy } from "./record";

const flags = (s: FakeStudy, asOf: string) => flagsOf(readStudy(fakeStudy(s)), new Date(asOf));

describe("endOf", () => {
  it("reads a month as its last moment, in UTC", () => {
    expect(endOf("2024-08")?.toISOString()).toBe("2024-08-31T23:59:59.000Z");
    expect(endOf("2024-02-10")?.toISOString()).toBe("2024-02-10T23:59:59.000Z");
    expect(endOf("August 2024")?.toISOString()).toBe("2024-08-31T23:59:59.000Z");
    expect(endOf("soon")).toBeUndefined();
  });
});

describe("stale", () => {
  it("flags an open study not verified for over 2 years before the data's date", () => {
    // NCT01949129: RECRUITING, last verified 2020-09
    const r = flags({ overallStatus: "RECRUITING", statusVerifiedDate: "2020-09", completionDate: "2026-04" }, "2024-12-16");
    expect(r.flags).toEqual(["stale"]);
    expect(r.why.stale?.[0]).toContain("last verified 2020-09");
  });

  it("flags an open study whose completion date has passed", () => {
    // NCT04042844 as of a later data date: RECRUITING, completion 2025-08-31 (estimated)
    expect(flags({ overallStatus: "RECRUITING", statusVerifiedDate: "2024-04", completionDate: "2025-08-31" }, "2025-09-15").flags).toEqual(["stale"]);
  });

  it("uses the data's date, not today's: the same record is fine as of its own version date", () => {
    expect(flags({ overallStatus: "RECRUITING", statusVerifiedDate: "2024-04", completionDate: "2025-08-31" }, "2024-11-08").flags).toEqual([]);
  });

  it("never flags a closed study as stale", () => {
    expect(flags({ overallStatus: "COMPLETED", statusVerifiedDate: "2015-01", completionDate: "2014-12", hasResults: true }, "2024-11-08").flags).toEqual([]);
  });
});

describe("pay-to-participate", () => {
  it("flags records that say participants pay", () => {
    // NCT05147675 and a v2 disc record
    expect(flags({ detailedDescription: "This patient funded trial aims to study the safety and efficacy of cultured allogeneic adult umbilical cord derived mesenchymal stem cells." }, "2024-01-01").flags).toEqual(["pay-to-participate"]);
    expect(flags({ briefSummary: "Patients receive surgical or non-surgical treatment. This study does not cover the cost of treatment." }, "2024-01-01").flags).toEqual(["pay-to-participate"]);
    expect(flags({ eligibilityCriteria: "Inclusion Criteria:\n* Participants must pay for the stem cell treatment" }, "2024-01-01").flags).toEqual(["pay-to-participate"]);
  });

  it("does not flag records that say the opposite", () => {
    expect(flags({ briefSummary: "The stem cell injection is provided at no cost to participants." }, "2024-01-01").flags).toEqual([]);
    expect(flags({ detailedDescription: "We are committed to perform stem cell injection for control participants free of charge after 12 months." }, "2024-01-01").flags).toEqual([]);
    expect(flags({ briefSummary: "Participants will not have to pay for the study treatment." }, "2024-01-01").flags).toEqual([]);
    expect(flags({ briefSummary: "Patients pay nothing; the study treatment is provided by the sponsor." }, "2024-01-01").flags).toEqual([]);
  });
});

describe("no-results, status-unknown, stopped-early", () => {
  it("flags a study completed over 2 years before with no results posted", () => {
    // NCT01640457: completed 2021-06-14, hasResults false
    expect(flags({ overallStatus: "COMPLETED", completionDate: "2021-06-14", hasResults: false }, "2024-11-08").flags).toEqual(["no-results"]);
    expect(flags({ overallStatus: "COMPLETED", completionDate: "2023-06-14", hasResults: false }, "2024-11-08").flags).toEqual([]);
    // v1-converted records do not say whether results exist: no flag rather than a guess
    expect(flags({ overallStatus: "COMPLETED", completionDate: "2015-07" }, "2022-01-20").flags).toEqual([]);
  });

  it("flags unknown status and early stops, with the reason when given", () => {
    expect(flags({ overallStatus: "UNKNOWN", completionDate: "2015-08" }, "2022-01-20").flags).toEqual(["status-unknown"]);
    const r = flags({ overallStatus: "TERMINATED", whyStopped: "Primary PI left institution", completionDate: "2010-01" }, "2022-01-20");
    expect(r.flags).toEqual(["stopped-early"]);
    expect(r.why["stopped-early"]).toEqual(["status TERMINATED: 'Primary PI left institution'"]);
  });
});

describe("FLAGS", () => {
  it("explains every flag in plain language (reading grade 8 or below)", () => {
    for (const [slug, f] of Object.entries(FLAGS)) {
      expect(f.label.length, slug).toBeGreaterThan(0);
      expect(fleschKincaidGrade(f.explanation), slug).toBeLessThanOrEqual(8);
    }
  });
});
