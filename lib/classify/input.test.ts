import { describe, expect, it } from "vitest";
import { fakeStudy } from "./fake-study";
import { asOfFor, studiesIn, toLine } from "./input";

describe("studiesIn", () => {
  const study = fakeStudy({ nctId: "NCT04042844" });

  it("accepts one study, an array of studies or an API page", () => {
    expect(studiesIn(study)).toEqual({ ok: true, studies: [study] });
    expect(studiesIn([study, study])).toEqual({ ok: true, studies: [study, study] });
    expect(studiesIn({ studies: [study], nextPageToken: "x" })).toEqual({ ok: true, studies: [study] });
  });

  it("explains what is wrong with anything else", () => {
    expect(studiesIn({ a: 1 })).toEqual({ ok: false, error: "not a study object, an array of studies or an API page with a 'studies' array" });
    expect(studiesIn([study, 3])).toEqual({ ok: false, error: "item 1 is not a study object (no protocolSection)" });
  });
});

describe("asOfFor", () => {
  it("uses the record's version date, else the fallback", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(asOfFor(fakeStudy({ versionHolder: "2024-11-08" }), now).toISOString()).toBe("2024-11-08T00:00:00.000Z");
    expect(asOfFor(fakeStudy({}), now)).toBe(now);
  });
});

describe("toLine", () => {
  it("prints the documented keys in the documented order", () => {
    const line = toLine({ why: {}, flags: [], phase: ["2"], route: [], donor: null, source: [], therapy: ["other"], nctId: "NCT1" });
    expect(Object.keys(JSON.parse(line))).toEqual(["nctId", "therapy", "source", "donor", "route", "phase", "flags", "why"]);
  });
});
