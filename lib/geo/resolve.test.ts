import { describe, expect, it } from "vitest";

const { resolveNear } = await import("./resolve");

const ok = (input: string) => {
  const r = resolveNear(input);
  if (!r.ok) throw new Error(`${input}: ${r.message}`);
  return r;
};

describe("resolveNear", () => {
  it("resolves US ZIP codes offline", () => {
    const r = ok("02115");
    expect(r.lat).toBeCloseTo(42.34, 1);
    expect(r.lon).toBeCloseTo(-71.09, 1);
    expect(r.label).toContain("Boston");
    expect(ok("10001-1234").label).toContain("New York");
  });

  it("resolves lat,lon and rejects out-of-range coordinates", () => {
    expect(ok("40.7, -74.0")).toMatchObject({ lat: 40.7, lon: -74 });
    expect(resolveNear("95,10")).toMatchObject({ ok: false, code: "near-coordinates" });
  });

  it("resolves a city, picking the most populous, and honours a state or country", () => {
    expect(ok("Boston").label).toBe("Boston, MA");
    expect(ok("Portland, OR").label).toBe("Portland, OR");
    expect(ok("Portland, Maine").label).toBe("Portland, ME");
    expect(ok("Paris, France").label).toBe("Paris, France");
    expect(ok("paris").label).toBe("Paris, France");
    expect(ok("London, UK").label).toBe("London, United Kingdom");
    expect(ok("São Paulo").lat).toBeCloseTo(-23.5, 0);
    expect(ok("Seoul, Korea, Republic of").label).toBe("Seoul, South Korea");
  });

  it("names why a place was not found with a stable code", () => {
    expect(resolveNear("00000")).toMatchObject({ ok: false, code: "near-postal-code" });
    expect(resolveNear("Atlantisville")).toMatchObject({ ok: false, code: "near-not-found" });
  });

  it("explains what it cannot resolve and suggests places", () => {
    const r = resolveNear("Bostn");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain("Bostn");
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.suggestions.some((s) => s.startsWith("Bost"))).toBe(true);
    expect(resolveNear("00000").ok).toBe(false);
    expect(resolveNear("Springfield, Narnia").ok).toBe(false);
    expect(resolveNear("😀").ok).toBe(false);
    expect(resolveNear(",,,").ok).toBe(false);
  });
});
