import { describe, expect, it } from "vitest";
import { parseSearch, serializeSearch } from "./schema";

describe("the results parameter (SPEC §6)", () => {
  it("parses `posted` and serialises it in SPEC order, after near/radius and before sort", () => {
    const p = parseSearch(new URLSearchParams("sort=updated&results=POSTED&near=Denver&phase=2"));
    expect(p.errors).toEqual([]);
    expect(p.filters.results).toBe("posted");
    expect(serializeSearch(p.filters)).toBe("phase=2&near=Denver&results=posted&sort=updated");
  });
  it("is absent by default and refuses other values with a message naming it", () => {
    expect(parseSearch(new URLSearchParams("")).filters.results).toBeUndefined();
    const bad = parseSearch(new URLSearchParams("results=good"));
    expect(bad.filters.results).toBeUndefined();
    expect(bad.errors).toEqual([expect.objectContaining({ param: "results", allowed: ["posted"] })]);
    expect(bad.errors[0]!.message).toMatch(/results: unknown value "good"/);
  });
});
