import { beforeAll, describe, expect, it } from "vitest";

import { milesBetween } from "../../../lib/geo/distance";
import { resolveNear } from "../../../lib/geo/resolve";
import { allMatches, searchTrials } from "../../../lib/search/data";
import { parseSearch, type SearchFilters } from "../../../lib/search/schema";
import { mapSites } from "../../../lib/search/map";
import { getTrial } from "../../../lib/trials/data";
import { fileWorld } from "../helpers/world";

// Search against a real database filled by a real sync from the stand-in: every filter, facet and
// distance is checked against a direct query (or plain JavaScript over the stored rows).

const world = fileWorld({ synced: true });
type Row = { nct_id: string; therapy: string[]; source: string[]; donor: string | null; route: string[]; phase: string[]; overall_status: string };
let rows: Row[];

const OPEN = ["RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"];
const f = (qs: string): SearchFilters => {
  const p = parseSearch(new URLSearchParams(qs));
  expect(p.errors).toEqual([]);
  return p.filters;
};
async function ids(filters: SearchFilters, place: Parameters<typeof searchTrials>[2] = null) {
  const out: string[] = [];
  for await (const t of allMatches(world.database.prisma, filters, place)) out.push(t.nctId);
  return out;
}

beforeAll(async () => {
  rows = await world.database.prisma.$queryRawUnsafe<Row[]>("SELECT nct_id, therapy, source, donor, route, phase, overall_status FROM trial WHERE removed_at IS NULL");
});

describe("searchTrials", () => {
  it("defaults to open cell-therapy trials, 20 per page", async () => {
    const expected = rows.filter((r) => r.therapy.includes("cell-therapy") && OPEN.includes(r.overall_status));
    expect(expected.length).toBeGreaterThan(0);
    const result = await searchTrials(world.database.prisma, f(""), null);
    expect(result.total).toBe(expected.length);
    expect(result.pageSize).toBe(20);
    expect(result.trials.length).toBe(Math.min(20, expected.length));
    expect((await ids(f(""))).sort()).toEqual(expected.map((r) => r.nct_id).sort());
  });

  it("phase + source + route + status=any equal a direct database query", async () => {
    const filters = f("source=bone-marrow,adipose&route=intradiscal&phase=1,2&status=any");
    const direct = await world.database.prisma.$queryRawUnsafe<{ nct_id: string }[]>(
      `SELECT nct_id FROM trial WHERE removed_at IS NULL AND 'cell-therapy' = ANY(therapy)
         AND source && ARRAY['bone-marrow','adipose'] AND route && ARRAY['intradiscal'] AND phase && ARRAY['1','2'] ORDER BY nct_id`,
    );
    expect(direct.length).toBeGreaterThan(0);
    expect((await ids(filters)).sort()).toEqual(direct.map((r) => r.nct_id));
    expect((await searchTrials(world.database.prisma, filters, null)).total).toBe(direct.length);
  });

  it("computes each facet with the other filters applied", async () => {
    const filters = f("phase=2&route=intradiscal&status=any");
    const { facets } = await searchTrials(world.database.prisma, filters, null);
    const cell = rows.filter((r) => r.therapy.includes("cell-therapy"));
    const count = (pred: (r: Row) => boolean) => cell.filter(pred).length;
    for (const p of ["1", "2", "3"]) expect(facets.phase[p] ?? 0).toBe(count((r) => r.phase.includes(p) && r.route.includes("intradiscal")));
    for (const s of ["bone-marrow", "adipose", "umbilical-cord"])
      expect(facets.source[s] ?? 0).toBe(count((r) => r.source.includes(s) && r.phase.includes("2") && r.route.includes("intradiscal")));
    for (const r of ["intradiscal", "intravenous"]) expect(facets.route[r] ?? 0).toBe(count((x) => x.route.includes(r) && x.phase.includes("2")));
    const recruiting = count((r) => r.overall_status === "RECRUITING" && r.phase.includes("2") && r.route.includes("intradiscal"));
    expect(facets.status.recruiting ?? 0).toBe(recruiting);
  });

  it("therapy and donor facets count with the other filters applied (mixed counts for both donors)", async () => {
    const { facets, total } = await searchTrials(world.database.prisma, f("donor=autologous&phase=1,2&status=any"), null);
    const inPhase = rows.filter((r) => r.phase.includes("1") || r.phase.includes("2"));
    const isAuto = (r: Row) => r.donor === "autologous" || r.donor === "mixed";
    for (const t of ["cell-therapy", "prp", "acellular-biologic", "other"]) expect(facets.therapy[t] ?? 0).toBe(inPhase.filter((r) => r.therapy.includes(t) && isAuto(r)).length);
    const cellInPhase = inPhase.filter((r) => r.therapy.includes("cell-therapy"));
    expect(facets.donor.autologous ?? 0).toBe(cellInPhase.filter(isAuto).length);
    expect(facets.donor.autologous).toBe(total);
    expect(facets.donor.allogeneic ?? 0).toBe(cellInPhase.filter((r) => r.donor === "allogeneic" || r.donor === "mixed").length);
    expect(facets.donor.any).toBe(cellInPhase.length);
    expect(facets.donor.allogeneic).toBeGreaterThan(0);
    expect(facets.therapy.prp ?? 0).toBeLessThan(facets.therapy["cell-therapy"]!);
  });

  it("the map gets every located site of every matching trial, grouped by place", async () => {
    const filters = f("status=any&phase=2");
    const matching = new Set(await ids(filters));
    const sites = await world.database.prisma.site.findMany({ where: { nctId: { in: [...matching] }, lat: { not: null }, lon: { not: null } }, select: { nctId: true, lat: true, lon: true } });
    expect(sites.length).toBeGreaterThan(20); // more than one page's worth of trials
    const map = await mapSites(world.database.prisma, { filters, place: null, errors: [] });
    expect(map.truncated).toBe(false);
    expect(map.sites).toBe(sites.length);
    const key = (lat: number, lon: number) => `${lat},${lon}`;
    const byPlace = new Map<string, Set<string>>();
    for (const s of sites) {
      const k = key(s.lat!, s.lon!);
      byPlace.set(k, (byPlace.get(k) ?? new Set()).add(s.nctId));
    }
    expect(map.points.length).toBe(byPlace.size);
    for (const p of map.points) {
      expect(p.trials).toBe(byPlace.get(key(p.lat, p.lon))?.size);
      for (const t of p.sample) expect(matching.has(t.nctId)).toBe(true);
      expect(p.sample.every((t) => t.title !== t.nctId)).toBe(true);
    }
    // Near a place: only the sites inside the radius are drawn.
    const place = resolveNear("10001");
    if (!place.ok) throw new Error(place.message);
    const near = await mapSites(world.database.prisma, { filters: f("status=any&near=10001&radius=300mi"), place, errors: [] });
    expect(near.points.length).toBeGreaterThan(0);
    for (const p of near.points) expect(milesBetween(place, p)).toBeLessThanOrEqual(300.01);
  });

  it("donor=autologous also matches mixed; removed trials never appear", async () => {
    const auto = await ids(f("donor=autologous&status=any"));
    const expected = rows.filter((r) => r.therapy.includes("cell-therapy") && (r.donor === "autologous" || r.donor === "mixed")).map((r) => r.nct_id);
    expect(auto.sort()).toEqual(expected.sort());

    const victim = (await ids(f("status=any")))[0]!;
    await world.database.prisma.trial.update({ where: { nctId: victim }, data: { removedAt: new Date() } });
    try {
      expect(await ids(f("status=any"))).not.toContain(victim);
      expect((await getTrial(world.database.prisma, victim))?.removedAt).not.toBeNull();
    } finally {
      await world.database.prisma.trial.update({ where: { nctId: victim }, data: { removedAt: null } });
    }
  });

  it("near: only trials with a site in the radius, sorted by true distance", async () => {
    const place = resolveNear("10001");
    if (!place.ok) throw new Error(place.message);
    const filters = f("near=10001&radius=500mi&sort=distance&status=any&therapy=cell-therapy,prp,acellular-biologic,other");
    const result = await searchTrials(world.database.prisma, filters, place);
    expect(result.total).toBeGreaterThan(0);
    const sites = await world.database.prisma.site.findMany({ where: { lat: { not: null } }, select: { nctId: true, lat: true, lon: true } });
    const nearest = new Map<string, number>();
    for (const s of sites) {
      const d = milesBetween(place, { lat: s.lat!, lon: s.lon! });
      if (d <= 500 && d < (nearest.get(s.nctId) ?? Infinity)) nearest.set(s.nctId, d);
    }
    const live = new Set(rows.map((r) => r.nct_id));
    const expected = [...nearest.entries()].filter(([id]) => live.has(id)).sort((a, b) => a[1] - b[1]);
    expect(result.total).toBe(expected.length);
    const got = result.trials.map((t) => t.nearestSite!.distanceMiles!);
    expect(got).toEqual([...got].sort((a, b) => a - b));
    result.trials.forEach((t, i) => expect(t.nearestSite!.distanceMiles!).toBeCloseTo(expected[i]![1], 0));
    expect(got.every((d) => d <= 500)).toBe(true);
  });

  it("radius=any: every trial with a located site, nearest first, trials abroad included (SPEC §6)", async () => {
    const place = resolveNear("10001");
    if (!place.ok) throw new Error(place.message);
    const all = "status=any&therapy=cell-therapy,prp,acellular-biologic,other";
    const filters = f(`near=10001&radius=any&sort=distance&${all}`);
    expect(filters.radius).toEqual({ value: "any", unit: "" });
    const sites = await world.database.prisma.site.findMany({ where: { lat: { not: null }, lon: { not: null } }, select: { nctId: true, lat: true, lon: true } });
    const nearest = new Map<string, number>();
    for (const s of sites) {
      const d = milesBetween(place, { lat: s.lat!, lon: s.lon! });
      if (d < (nearest.get(s.nctId) ?? Infinity)) nearest.set(s.nctId, d);
    }
    const live = new Set(rows.map((r) => r.nct_id));
    const expected = [...nearest.entries()].filter(([id]) => live.has(id)).sort((a, b) => a[1] - b[1]);
    // The data has sites abroad, beyond the largest finite radius (3,000 miles).
    expect(expected.some(([, d]) => d > 3000)).toBe(true);
    const result = await searchTrials(world.database.prisma, filters, place);
    expect(result.total).toBe(expected.length);
    // Trials without a located site are left out, as with any radius.
    expect(result.total).toBeLessThan((await ids(f(all))).length);
    const everyId = await ids(filters, place);
    const d = result.trials.map((t) => t.nearestSite!.distanceMiles!);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(everyId.sort()).toEqual(expected.map(([id]) => id).sort());
    result.trials.forEach((t, i) => expect(t.nearestSite!.distanceMiles!).toBeCloseTo(expected[i]![1], 0));
    // Without sort=distance the same set, in relevance order.
    expect((await searchTrials(world.database.prisma, f(`near=10001&radius=any&${all}`), place)).total).toBe(expected.length);
    // The map draws every located site of those trials.
    const map = await mapSites(world.database.prisma, { filters, place, errors: [] });
    expect(map.points.some((p) => milesBetween(place, p) > 3000)).toBe(true);
  });

  it("free text, country and paging", async () => {
    const q = await searchTrials(world.database.prisma, f("q=mesenchymal&status=any"), null);
    expect(q.total).toBeGreaterThan(0);
    const us = await ids(f("country=United States&status=any"));
    const direct = await world.database.prisma.$queryRawUnsafe<{ nct_id: string }[]>(
      `SELECT DISTINCT t.nct_id FROM trial t JOIN site s ON s.nct_id = t.nct_id WHERE t.removed_at IS NULL AND 'cell-therapy' = ANY(t.therapy) AND s.country = 'United States' ORDER BY 1`,
    );
    expect(us.sort()).toEqual(direct.map((r) => r.nct_id));
    // The country facet (from trial.countries, kept by triggers on site) agrees with the sites.
    const { facets } = await searchTrials(world.database.prisma, f("status=any"), null);
    expect(facets.country["United States"]).toBe(direct.length);
    const one = direct[0]!.nct_id;
    await world.database.prisma.site.deleteMany({ where: { nctId: one } });
    expect(await ids(f("country=United States&status=any"))).not.toContain(one);
    const all = await ids(f("status=any&sort=updated"));
    const p2 = await searchTrials(world.database.prisma, f("status=any&sort=updated&page=2"), null);
    expect(p2.trials.map((t) => t.nctId)).toEqual(all.slice(20, 40));
  });
});
