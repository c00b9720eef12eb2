import { describe, expect, it } from "vitest";
import { MAX_PAGE, MAX_RADIUS_MILES, OPEN_STATUSES, parseSearch, radiusMiles, SEARCH_PARAM_ERROR_CODES, serializeSearch } from "./schema";

const canon = (qs: string) => serializeSearch(parseSearch(new URLSearchParams(qs)).filters);

describe("parseSearch", () => {
  it("applies SPEC defaults: cell therapy, open statuses, relevance, page 1", () => {
    const { filters, errors } = parseSearch(new URLSearchParams(""));
    expect(errors).toEqual([]);
    expect(filters.therapy).toEqual(["cell-therapy"]);
    expect(filters.status).toEqual(OPEN_STATUSES);
    expect(filters.sort).toBe("relevance");
    expect(filters.page).toBe(1);
    expect(filters.radius).toEqual({ value: 100, unit: "mi" });
  });

  it("expands open, keeps any, and maps lists to slug order without duplicates", () => {
    const { filters } = parseSearch(new URLSearchParams("status=completed,open&phase=3,1,1&route=epidural,intradiscal"));
    expect(filters.status).toEqual(["recruiting", "not-yet-recruiting", "enrolling-by-invitation", "completed"]);
    expect(filters.phase).toEqual(["1", "3"]);
    expect(filters.route).toEqual(["intradiscal", "epidural"]);
    expect(parseSearch(new URLSearchParams("status=any")).filters.status).toBe("any");
  });

  it("reads repeated params as one list and accepts a plain object", () => {
    expect(parseSearch(new URLSearchParams("phase=2&phase=1")).filters.phase).toEqual(["1", "2"]);
    expect(parseSearch({ phase: ["2", "1"], source: "adipose" }).filters.source).toEqual(["adipose"]);
  });

  it("names the bad parameter and its allowed values, and keeps the good ones", () => {
    const { filters, errors } = parseSearch(new URLSearchParams("phase=7&source=adipose&status=open,bogus&radius=far&page=0&sort=distance"));
    expect(errors.map((e) => e.param)).toEqual(["phase", "status", "radius", "sort", "page"]);
    expect(errors[0]!.allowed).toEqual(["early-1", "1", "2", "3", "4", "na"]);
    expect(errors[0]!.message).toContain('"7"');
    expect(filters.source).toEqual(["adipose"]);
    expect(filters.phase).toEqual([]);
    expect(filters.status).toEqual(OPEN_STATUSES);
    expect(filters.page).toBe(1);
  });

  it("gives each refusal a stable code (and the limit it speaks of) beside the English message", () => {
    const codes = (qs: string) => parseSearch(new URLSearchParams(qs)).errors.map(({ param, code, max }) => ({ param, code, ...(max === undefined ? {} : { max }) }));
    expect(codes("phase=7&status=bogus&view=globe")).toEqual([
      { param: "phase", code: "unknown-value" },
      { param: "status", code: "unknown-value" },
      { param: "view", code: "unknown-value" },
    ]);
    expect(codes(`q=${"x".repeat(201)}&city=${"y".repeat(101)}&state=a%00b`)).toEqual([
      { param: "q", code: "too-long", max: 200 },
      { param: "state", code: "control-characters" },
      { param: "city", code: "too-long", max: 100 },
    ]);
    expect(codes("donor=autologous,allogeneic&sort=updated,start")).toEqual([
      { param: "donor", code: "one-value" },
      { param: "sort", code: "one-value" },
    ]);
    expect(codes("radius=far&sort=distance&page=0")).toEqual([
      { param: "radius", code: "radius", max: MAX_RADIUS_MILES },
      { param: "sort", code: "distance-needs-near" },
      { param: "page", code: "page", max: MAX_PAGE },
    ]);
    // The English words are the API's and do not change.
    expect(parseSearch(new URLSearchParams("page=0")).errors[0]!.message).toBe(`page: a whole number from 1 to ${MAX_PAGE}`);
    for (const e of parseSearch(new URLSearchParams("phase=7&q=a%00&donor=a,b&radius=x&sort=distance&page=x")).errors) expect(SEARCH_PARAM_ERROR_CODES).toContain(e.code);
  });

  it("parses radius in miles or km, rejects huge or zero ones", () => {
    expect(parseSearch(new URLSearchParams("near=Boston&radius=80km")).filters.radius).toEqual({ value: 80, unit: "km" });
    expect(parseSearch(new URLSearchParams("near=Boston&radius=25")).filters.radius).toEqual({ value: 25, unit: "mi" });
    expect(parseSearch(new URLSearchParams("radius=0mi")).errors[0]!.param).toBe("radius");
    expect(parseSearch(new URLSearchParams("radius=99999mi")).errors[0]!.param).toBe("radius");
  });

  it("refuses control characters in text (Postgres text cannot hold NUL), naming the parameter", () => {
    for (const name of ["q", "country", "state", "city", "near"]) {
      for (const value of ["a\u0000b", "\u0000", "x\u001fy", "\u007f"]) {
        const { filters, errors } = parseSearch(new URLSearchParams({ [name]: value }));
        expect(errors.map((e) => e.param)).toEqual([name]);
        expect(errors[0]!.message).toBe(`${name}: contains control characters`);
        expect(filters[name as "q"]).toBeUndefined();
      }
    }
    // Tabs and newlines are whitespace: collapsed, not refused.
    expect(parseSearch(new URLSearchParams({ q: "disc\tpain\n" }))).toMatchObject({ errors: [], filters: { q: "disc pain" } });
  });

  it("refuses unknown statuses even beside any, and skips empty items as other lists do", () => {
    expect(parseSearch(new URLSearchParams("status=any,bogus")).errors.map((e) => e.message)).toEqual(['status: unknown value "bogus"']);
    expect(parseSearch(new URLSearchParams("status=bogus,any")).filters.status).toEqual(OPEN_STATUSES);
    expect(parseSearch(new URLSearchParams("status=completed,")).filters.status).toEqual(["completed"]);
    expect(parseSearch(new URLSearchParams("status=,,any")).filters.status).toBe("any");
    expect(parseSearch(new URLSearchParams("status=,")).filters.status).toEqual(OPEN_STATUSES);
    expect(parseSearch(new URLSearchParams("status=,")).errors).toEqual([]);
  });

  it("rejects two donors and overlong text", () => {
    expect(parseSearch(new URLSearchParams("donor=autologous,allogeneic")).errors[0]!.param).toBe("donor");
    expect(parseSearch(new URLSearchParams(`q=${"x".repeat(300)}`)).errors[0]!.param).toBe("q");
  });
});

describe("serializeSearch", () => {
  it("is canonical: SPEC order, defaults left out, equal searches give equal strings", () => {
    expect(canon("")).toBe("");
    expect(canon("status=open&therapy=cell-therapy&page=1&sort=relevance")).toBe("");
    expect(canon("page=2&phase=2,1&source=adipose,bone-marrow&q=disc++pain&therapy=prp,cell-therapy")).toBe(
      "q=disc+pain&therapy=cell-therapy,prp&source=bone-marrow,adipose&phase=1,2&page=2",
    );
    expect(canon("near=02115&radius=100mi&sort=distance&country=United States")).toBe("country=United+States&near=02115&sort=distance");
    expect(canon("status=recruiting,not-yet-recruiting,enrolling-by-invitation")).toBe("");
    expect(canon("status=completed")).toBe("status=completed");
    expect(canon("view=map&near=Boston&radius=50mi")).toBe("near=Boston&radius=50mi&view=map");
  });

  it("round-trips", () => {
    const qs = "q=stem+cells&therapy=cell-therapy,prp&source=adipose&donor=autologous&route=intradiscal&phase=1,2&status=any&country=United+States&state=California&city=Los+Angeles&near=90210&radius=80km&sort=distance&page=3";
    expect(canon(qs)).toBe(qs);
    expect(canon(canon(qs))).toBe(qs);
  });

  it("reads radius=any (SPEC §6: no distance limit) and keeps it in the canonical URL", () => {
    const { filters, errors } = parseSearch(new URLSearchParams("near=Boston&radius=any&sort=distance"));
    expect(errors).toEqual([]);
    expect(filters.radius).toEqual({ value: "any", unit: "" });
    expect(radiusMiles(filters.radius)).toBeNull();
    expect(parseSearch(new URLSearchParams("near=Boston&radius=ANY")).filters.radius).toEqual({ value: "any", unit: "" });
    expect(canon("sort=distance&radius=any&near=Boston")).toBe("near=Boston&radius=any&sort=distance");
    expect(canon("radius=any")).toBe("");
    const bad = parseSearch(new URLSearchParams("near=Boston&radius=anywhere")).errors[0]!;
    expect(bad.param).toBe("radius");
    expect(bad.message).toContain("or any");
    expect(bad.allowed).toContain("any");
  });

  it("drops radius without near", () => {
    expect(canon("radius=50mi")).toBe("");
  });
});

describe("error messages quote little of what was sent", () => {
  it("a huge bad list value is named in a short message, not echoed whole", () => {
    const raw = Array.from({ length: 50_000 }, (_, i) => `zz${i}`).join(",");
    const { errors } = parseSearch(new URLSearchParams({ phase: raw, status: `any,${raw}` }));
    expect(errors.map((e) => e.param)).toEqual(["phase", "status"]);
    for (const e of errors) {
      expect(e.message).toMatch(/unknown values "zz0", "zz1", "zz2", "zz3", "zz4" and 49995 more$/);
      expect(e.value.length).toBeLessThanOrEqual(41);
      expect(JSON.stringify(e).length).toBeLessThan(600);
    }
  });
});
