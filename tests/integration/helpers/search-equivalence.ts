import { expect } from "vitest";
import { mulberry32 } from "../../../lib/prng";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import type { Place } from "../../../lib/geo/resolve";
import { facetCounts, matchingIds, pageOfTrials, searchTrials } from "../../../lib/search/data";
import { indexedMatchingIds, indexedNewestChanges, indexedSearch, indexTiming, rebuildIndex } from "../../../lib/search/index-run";
import { parseSearch, type SearchFilters } from "../../../lib/search/schema";
import { newestChangesSql } from "../../../lib/search/sql";
import { PHASES, ROUTES, SOURCES, STATUSES, THERAPIES } from "../../../lib/classify/slugs";

// Random searches answered by the in-memory index and by the SQL path (the oracle): same total,
// same facet counts, same page (ids, order and rows).

export type Vocab = { countries: string[]; states: string[]; cities: string[]; places: Place[]; words: string[]; ids: string[] };

export async function vocabulary(prisma: PrismaClient, words: string[]): Promise<Vocab> {
  const col = async (sql: string) => (await prisma.$queryRawUnsafe<{ v: string }[]>(sql)).map((r) => r.v);
  const coords = await prisma.$queryRawUnsafe<{ lat: number; lon: number }[]>(`SELECT DISTINCT lat, lon FROM site WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY 1, 2 LIMIT 50`);
  return {
    countries: await col(`SELECT DISTINCT unnest(countries) AS v FROM trial_search ORDER BY 1`),
    states: await col(`SELECT DISTINCT state AS v FROM site WHERE state IS NOT NULL ORDER BY 1 LIMIT 60`),
    cities: await col(`SELECT DISTINCT city AS v FROM site WHERE city IS NOT NULL ORDER BY 1 LIMIT 60`),
    ids: await col(`SELECT nct_id AS v FROM trial_search ORDER BY 1`),
    places: [
      ...coords.map((c) => ({ lat: c.lat, lon: c.lon, label: "site" })),
      { lat: 40.7484, lon: -73.9967, label: "New York" },
      { lat: 39.73915, lon: -104.9847, label: "Denver" },
      { lat: 51.5, lon: -0.12, label: "London" },
      { lat: -33.9, lon: 151.2, label: "Sydney" },
      { lat: 64.1, lon: -179.9, label: "near the date line" },
    ],
    words,
  };
}

/** One random search: a query string through the real parser, then a place when `near` is drawn. */
export function randomSearch(rnd: () => number, v: Vocab): { f: SearchFilters; place: Place | null; exclude: string[] } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const some = (xs: readonly string[], p: number) => xs.filter(() => rnd() < p);
  const p = new URLSearchParams();
  if (rnd() < 0.5) {
    const t = some(THERAPIES, 0.4);
    if (t.length) p.set("therapy", t.join(","));
  }
  for (const [name, list] of [
    ["source", SOURCES],
    ["route", ROUTES],
    ["phase", PHASES],
  ] as const)
    if (rnd() < 0.3) {
      const xs = some(list, 0.35);
      if (xs.length) p.set(name, xs.join(","));
    }
  if (rnd() < 0.25) p.set("donor", pick(["autologous", "allogeneic"]));
  const s = rnd();
  if (s < 0.35) p.set("status", "any");
  else if (s < 0.6) {
    const xs = some(STATUSES, 0.3);
    if (xs.length) p.set("status", xs.join(","));
  }
  if (rnd() < 0.25 && v.countries.length) p.set("country", pick(v.countries));
  if (rnd() < 0.1 && v.states.length) p.set("state", pick(v.states));
  if (rnd() < 0.08 && v.cities.length) p.set("city", pick(v.cities));
  if (rnd() < 0.25 && v.words.length) p.set("q", pick(v.words));
  if (rnd() < 0.15) p.set("results", "posted");
  const sortDraw = rnd();
  if (sortDraw < 0.15) p.set("sort", "updated");
  else if (sortDraw < 0.3) p.set("sort", "start");
  if (rnd() < 0.3) p.set("page", String(1 + Math.floor(rnd() * 3)));
  const parsed = parseSearch(p);
  expect(parsed.errors).toEqual([]);
  const f = parsed.filters;
  let place: Place | null = null;
  if (rnd() < 0.35) {
    place = pick(v.places);
    f.near = `${place.lat},${place.lon}`;
    f.radius = rnd() < 0.3 ? { value: "any", unit: "" } : { value: pick([10, 50, 100, 500, 3000]), unit: rnd() < 0.5 ? "mi" : "km" };
    if (rnd() < 0.5) f.sort = "distance";
  }
  const exclude = rnd() < 0.15 ? v.ids.filter(() => rnd() < 0.2) : [];
  return { f, place, exclude };
}

/** Builds the index for the current data version and checks `n` random searches against SQL. */
export async function checkEquivalence(prisma: PrismaClient, v: Vocab, n: number, seed: number) {
  indexTiming.VERSION_MS = 0;
  await rebuildIndex(prisma);
  const rnd = mulberry32(seed);
  let nonEmpty = 0;
  for (let i = 0; i < n; i++) {
    const { f, place, exclude } = randomSearch(rnd, v);
    const label = JSON.stringify({ f, place, exclude: exclude.length });
    const got = await indexedSearch(prisma, f, place, { exclude });
    expect(got, label).not.toBeNull();
    if (exclude.length) {
      const counts = await facetCounts(prisma, f, place, { exclude });
      const trials = await pageOfTrials(prisma, f, place, { exclude });
      expect({ total: got!.total, facets: got!.facets, trials: got!.trials }, label).toEqual({ ...counts, trials });
    } else {
      expect(got, label).toEqual(await searchTrials(prisma, f, place));
      if (i % 5 === 0) expect([...(await indexedMatchingIds(prisma, f, place))!].sort(), label).toEqual((await matchingIds(prisma, f, place)).sort());
      if (i % 5 === 1) {
        // The Atom feed's entries (lib/feeds): the matching trials' newest changes, newest first.
        const q = newestChangesSql(f, place, 50);
        const sql = await prisma.$queryRawUnsafe<{ id: number; nct_id: string; brief_title: string }[]>(q.sql, ...q.params);
        const heads = (await indexedNewestChanges(prisma, f, place, 50))!.heads;
        expect(heads.map((h) => [h.changeId, h.nctId, h.title]), label).toEqual(sql.map((r) => [Number(r.id), r.nct_id, r.brief_title]));
      }
    }
    if (got!.total > 0) nonEmpty++;
  }
  // The draws must reach real answers, not only empty ones.
  expect(nonEmpty).toBeGreaterThan(n / 4);
  return nonEmpty;
}
