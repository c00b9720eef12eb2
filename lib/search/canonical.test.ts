import { describe, expect, it } from "vitest";
import { canonicalRedirect } from "./canonical";
import { parseSearch, serializeSearch } from "./schema";

describe("canonicalRedirect", () => {
  it("sends a GET form's query (empty fields, defaults, any order) to the canonical URL", () => {
    // What the home page's form sends for "02115, 250 miles, PRP, open trials".
    expect(canonicalRedirect({ near: "02115", radius: "250mi", therapy: "prp", status: "open" })).toBe("/trials?therapy=prp&near=02115&radius=250mi");
    expect(canonicalRedirect({ near: "", radius: "100mi", therapy: "cell-therapy", status: "open" })).toBe("/trials");
    expect(canonicalRedirect({ phase: ["2", "1"], status: "any" })).toBe("/trials?phase=1,2&status=any");
    expect(canonicalRedirect({ near: "Denver, CO", q: "stem  cells" })).toBe("/trials?q=stem+cells&near=Denver,+CO");
  });
  it("leaves canonical URLs and queries with errors alone", () => {
    expect(canonicalRedirect({})).toBeNull();
    expect(canonicalRedirect({ phase: "1,2", status: "any" })).toBeNull();
    expect(canonicalRedirect({ therapy: "prp", near: "02115", radius: "250mi" })).toBeNull();
    expect(canonicalRedirect({ phase: "7", status: "open" })).toBeNull();
  });
});

describe("status listing every value", () => {
  it("is the same search as status=any, with the same URL", () => {
    const p = parseSearch(new URLSearchParams("status=recruiting,not-yet-recruiting,enrolling-by-invitation,active-not-recruiting,completed,suspended,terminated,withdrawn,unknown"));
    expect(p.filters.status).toBe("any");
    expect(serializeSearch(p.filters)).toBe("status=any");
  });
});
