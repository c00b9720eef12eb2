import { describe, expect, it } from "vitest";
import { durations, matchForm, toMonths, toWeeks, toYears } from "./text";

describe("durations", () => {
  it("finds numbers and number words with their units, a range by its lower end, and 'the past week'", () => {
    const found = (s: string) => durations(matchForm(s)).map((d) => [d.n, d.unit, d.low]);
    expect(found("At least six weeks of failed conservative treatment")).toEqual([[6, "week", null]]);
    expect(found("after 6-10 weeks of non-surgical treatment")).toEqual([[10, "week", 6]]);
    expect(found("within the past week")).toEqual([[1, "week", null]]);
    expect(found("within 48 hours prior")).toEqual([[48, "hour", null]]);
    expect(found("Age > 80y or < 18 y")).toEqual([[80, "year", null], [18, "year", null]]);
    expect(found("one (1) year")).toEqual([[1, "year", null]]);
    expect(found("many days")).toEqual([]);
  });
});

describe("units (SPEC §9)", () => {
  it("converts weeks to months by 4.345, months to weeks by 4.3 (SPEC §9), a year to 12 months", () => {
    expect(toMonths(6, "week")).toBe(1.38);
    expect(toMonths(4, "week")).toBe(0.92);
    expect(toMonths(1, "year")).toBe(12);
    expect(toMonths(15, "year")).toBe(180);
    expect(toWeeks(3, "month")).toBe(12.9);
    expect(toWeeks(6, "month")).toBe(25.8);
    expect(toWeeks(48, "hour")).toBe(0.3);
    expect(toYears(6, "month")).toBe(0.5);
  });
});
