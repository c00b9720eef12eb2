import { describe, expect, it } from "vitest";
import { milesBetween } from "../geo/distance";
import { parseSearch } from "./schema";
import { boundingBox, facetsSql, pageSql } from "./sql";

const filters = (qs: string) => parseSearch(new URLSearchParams(qs)).filters;

describe("boundingBox", () => {
  it("contains every point within the radius (the prefilter never drops a real match)", () => {
    for (const [lat, lon] of [
      [42.34, -71.09],
      [64.1, -21.9],
      [-33.9, 151.2],
    ] as const) {
      const box = boundingBox(lat, lon, 100);
      for (let bearing = 0; bearing < 360; bearing += 15) {
        // A point ~99.5 miles away on this bearing.
        const d = 99.5 / 3958.8;
        const b = (bearing * Math.PI) / 180;
        const la1 = (lat * Math.PI) / 180;
        const lo1 = (lon * Math.PI) / 180;
        const la2 = Math.asin(Math.sin(la1) * Math.cos(d) + Math.cos(la1) * Math.sin(d) * Math.cos(b));
        const lo2 = lo1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(la1), Math.cos(d) - Math.sin(la1) * Math.sin(la2));
        const p = { lat: (la2 * 180) / Math.PI, lon: (lo2 * 180) / Math.PI };
        expect(milesBetween({ lat, lon }, p)).toBeLessThan(100);
        expect(p.lat).toBeGreaterThanOrEqual(box.minLat);
        expect(p.lat).toBeLessThanOrEqual(box.maxLat);
        expect(p.lon).toBeGreaterThanOrEqual(box.minLon);
        expect(p.lon).toBeLessThanOrEqual(box.maxLon);
      }
    }
  });
});

describe("SQL builders", () => {
  it("pass every user value as a parameter, never as SQL text", () => {
    const f = filters("q=x'); DROP TABLE trial; --&country=Narnia'--&state=O'Hare&city=\"c\"&source=adipose");
    const place = { lat: 1, lon: 2, label: "p" };
    for (const { sql, params } of [facetsSql({ ...f, near: "1,2" }, place), pageSql({ ...f, near: "1,2" }, place, { limit: 20, offset: 0 })]) {
      expect(sql).not.toMatch(/DROP TABLE|Narnia|O'Hare|adipose/);
      expect(params).toContain("x'); DROP TABLE trial; --");
      expect(sql).toMatch(/s\.lat BETWEEN \$\d+::float8/);
    }
  });
});
