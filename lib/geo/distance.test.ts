import { describe, expect, it } from "vitest";
import { milesBetween } from "./distance";

describe("milesBetween", () => {
  it("matches known distances", () => {
    // Boston to New York is about 190 miles; London to Paris about 213.
    expect(milesBetween({ lat: 42.3601, lon: -71.0589 }, { lat: 40.7128, lon: -74.006 })).toBeCloseTo(190, -1);
    expect(milesBetween({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 })).toBeCloseTo(213, -1);
    expect(milesBetween({ lat: 10, lon: 10 }, { lat: 10, lon: 10 })).toBe(0);
  });
});
