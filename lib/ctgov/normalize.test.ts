import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeStudy, parseAgeYears, parsePartialDate } from "./normalize";
import { studySchema } from "./schema";

function bundled(nctId: string): unknown {
  const file = path.resolve("tests/fixtures/ctgov/studies", `${nctId}.json.gz`);
  return JSON.parse(gunzipSync(readFileSync(file)).toString("utf8"));
}

describe("parsePartialDate", () => {
  it("turns a month into its last day, as AACT does", () => {
    expect(parsePartialDate("2024-02")).toBe("2024-02-29");
    expect(parsePartialDate("2023-02")).toBe("2023-02-28");
    expect(parsePartialDate("2019-11")).toBe("2019-11-30");
    expect(parsePartialDate("2021")).toBe("2021-12-31");
    expect(parsePartialDate("2021-06-15")).toBe("2021-06-15");
  });
  it("rejects impossible dates instead of inventing them", () => {
    expect(parsePartialDate("2021-13")).toBeNull();
    expect(parsePartialDate("2021-02-30")).toBeNull();
    expect(parsePartialDate("June 2021")).toBeNull();
    expect(parsePartialDate(undefined)).toBeNull();
  });
});

describe("parseAgeYears", () => {
  it("reads the API's age strings", () => {
    expect(parseAgeYears("18 Years")).toBe(18);
    expect(parseAgeYears("6 Months")).toBe(0.5);
    expect(parseAgeYears("1 Year")).toBe(1);
    expect(parseAgeYears("N/A")).toBeNull();
  });
});

describe("normalizeStudy on real records, checked against AACT's loader", () => {
  // Expected values from ../shared/external/aact-expectations.json (AACT's own specs on these records).
  it("NCT00763412: dates, eligibility and design groups", () => {
    const parsed = studySchema.parse(bundled("NCT00763412"));
    const n = normalizeStudy(parsed);
    expect(n.trial.firstPostDate).toBe("2008-10-01");
    expect(n.trial.nctId).toBe("NCT00763412");
    expect(n.armGroups.length).toBe(parsed.protocolSection.armsInterventionsModule?.armGroups?.length ?? 0);
  });

  it("NCT04207047: four design groups, the first EXPERIMENTAL 'Group A'", () => {
    const n = normalizeStudy(studySchema.parse(bundled("NCT04207047")));
    expect(n.armGroups).toHaveLength(4);
    expect(n.armGroups[0]).toMatchObject({ position: 0, type: "EXPERIMENTAL", label: "Group A" });
  });

  it("keeps every site with its geo point and contacts", () => {
    const raw = bundled("NCT04042844") as { protocolSection: { contactsLocationsModule?: { locations?: unknown[] } } };
    const n = normalizeStudy(studySchema.parse(raw));
    expect(n.sites.length).toBe(raw.protocolSection.contactsLocationsModule?.locations?.length ?? 0);
    expect(n.sites.length).toBeGreaterThan(0);
    const withGeo = n.sites.filter((s) => s.lat !== null && s.lon !== null);
    expect(withGeo.length).toBeGreaterThan(0);
    expect(n.trial.briefTitle.length).toBeGreaterThan(10);
    expect(n.interventions.map((i) => i.name).join(" ")).toMatch(/BRTX/i);
  });
});

describe("studySchema", () => {
  it("rejects a record without an NCT id and names the field", () => {
    const result = studySchema.safeParse({ protocolSection: { identificationModule: { briefTitle: "x" } } });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues[0]?.path)).toContain("nctId");
  });
  it("lets unknown fields pass through untouched", () => {
    const result = studySchema.parse({ protocolSection: { identificationModule: { nctId: "NCT01234567" }, futureModule: { x: 1 } }, extra: true });
    expect((result as Record<string, unknown>).extra).toBe(true);
  });
});

describe("studySchema rejects what Postgres would", () => {
  const base = (status: object, design: object = {}) => ({ protocolSection: { identificationModule: { nctId: "NCT01234567" }, statusModule: status, designModule: design } });
  it("a year 0000, a month 13 and an enrollment beyond a 32-bit integer", () => {
    expect(studySchema.safeParse(base({ startDateStruct: { date: "0000-12" } })).success).toBe(false);
    expect(studySchema.safeParse(base({ startDateStruct: { date: "2020-13" } })).success).toBe(false);
    expect(studySchema.safeParse(base({}, { enrollmentInfo: { count: 3_000_000_000 } })).success).toBe(false);
    expect(studySchema.safeParse(base({ startDateStruct: { date: "2020-02" } }, { enrollmentInfo: { count: 120 } })).success).toBe(true);
  });
});
