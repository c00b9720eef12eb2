import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { mulberry32 } from "../../../lib/prng";
import { searchTrials } from "../../../lib/search/data";
import { buildSearchIndex } from "../../../lib/search/index-build";
import { indexedSearch, indexTiming, rebuildIndex } from "../../../lib/search/index-run";
import { parseSearch } from "../../../lib/search/schema";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// How the index reads sites (lib/search/index-build.ts): one string per column, with a NULL mask
// beside each text column, whose values may hold commas, quotes, empty texts and control
// characters or, in a hostile record, the separator itself (then the sites are read again row by
// row). tests/integration/reliability/snapshot-reads.test.ts: the two reads share one snapshot.

let database: TestDatabase;
const sql = (text: string, ...params: unknown[]) => database.prisma.$executeRawUnsafe(text, ...params);

const FACILITIES = ['Clínica, "Norte"', "", null, "Hospital 2", "A\u0002", "\u0002", "x,y,z", "O'Brien's", "\t tab \n line"];
const CITIES = ["Madrid", "", null, "Sevilla", "São Paulo", "\u0002"];
const STATUSES = ["RECRUITING", "COMPLETED", "NOT_YET_RECRUITING", null];
const STATES = ["Comunidad de Madrid", "", null, "Andalucía"];
const COUNTRIES = ["Spain", "Spain", "Portugal", null];
const COORDS: [number, number][] = [
  [40.4168, -3.7038],
  [-33.868820000000007, 151.20929],
  [40.42, -3.7],
  [0, 0],
  [64.1, -179.99999999999],
];

/** Status, therapy, source, route, phase: a few kinds, so random searches find trials. */
const KINDS: [string, string[], string[], string[], string[]][] = [
  ["RECRUITING", ["cell-therapy"], ["adipose"], ["intradiscal"], ["2"]],
  ["COMPLETED", ["cell-therapy", "other"], ["bone-marrow"], ["intravenous"], ["1", "2"]],
  ["NOT_YET_RECRUITING", ["prp"], [], ["facet-or-joint"], ["3"]],
  ["RECRUITING", ["other"], [], [], ["na"]],
];

type SiteSpec = [position: number, facility: string | null, city: string | null, coords: [number, number] | null, status?: string | null, state?: string | null, country?: string | null];

async function addTrial(id: string, sites: SiteSpec[], updated = "2026-01-02") {
  await sql(
    `INSERT INTO trial (nct_id, brief_title, overall_status, therapy, source, route, phase, last_update_post_date, raw, raw_hash)
     VALUES ($1, $2, $4, $5::text[], $6::text[], $7::text[], $8::text[], $3::date, '{}'::jsonb, md5($1))`,
    id,
    `Trial ${id}, "quoted", with commas`,
    updated,
    ...KINDS[Number(id.slice(-1)) % KINDS.length]!,
  );
  for (const [position, facility, city, c, status = "RECRUITING", state = null, country = "Spain"] of sites)
    await sql(
      `INSERT INTO site (nct_id, position, facility, status, city, state, country, lat, lon) VALUES ($1, $2, $3, $7, $4, $8, $9, $5, $6)`,
      id,
      position,
      facility,
      city,
      c?.[0] ?? null,
      c?.[1] ?? null,
      status,
      state,
      country,
    );
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Positions out of order, NULL and empty texts, missing, negative and long coordinates.
  const rnd = mulberry32(11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < 160; i++) {
    const positions = [0, 1, 2, 3].slice(0, Math.floor(rnd() * 4)).sort(() => rnd() - 0.5);
    await addTrial(
      `NCT9${String(i).padStart(7, "0")}`,
      positions.map((p): SiteSpec => [p, pick(FACILITIES), pick(CITIES), rnd() < 0.2 ? null : pick(COORDS), pick(STATUSES), pick(STATES), pick(COUNTRIES)]),
    );
  }
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

/**
 * Every page of the default search, of each city's and of a search near each coordinate: the index's
 * answers (cards with their nearest site's fields and distances) equal SQL's.
 */
async function sameAsSql() {
  indexTiming.VERSION_MS = 0;
  await rebuildIndex(database.prisma);
  const searches = [
    "status=any",
    "status=any&sort=updated",
    "status=recruiting",
    "status=any&country=Portugal",
    ...["Comunidad de Madrid", "Andalucía"].map((st) => `status=any&country=Spain&state=${encodeURIComponent(st)}`),
    ...["Madrid", "Sevilla", "São Paulo", "Bilbao"].map((c) => `status=any&country=Spain&city=${encodeURIComponent(c)}`),
  ];
  const places = COORDS.map(([lat, lon]) => ({ lat, lon, label: "site" }));
  let cards = 0;
  for (const qs of searches)
    for (const place of [null, ...places])
      for (let page = 1; page <= 9; page++) {
        const f = parseSearch(new URLSearchParams(`${qs}&page=${page}${place ? "&near=site&radius=any&sort=distance" : ""}`)).filters;
        const sql = await searchTrials(database.prisma, f, place);
        expect(await indexedSearch(database.prisma, f, place), `${qs} ${JSON.stringify(place)} page ${page}`).toEqual(sql);
        cards += sql.trials.length;
        if (sql.trials.length < sql.pageSize) break;
      }
  expect(cards).toBeGreaterThan(500);
}

describe("the index's read of sites", () => {
  it("reads no sites, by column, from a database without any", async () => {
    const empty = await createTestDatabase();
    try {
      const { stats } = await buildSearchIndex(empty.prisma);
      expect(stats).toMatchObject({ trials: 0, sites: 0, siteRead: "columns" });
    } finally {
      await empty.drop();
    }
  });

  it("gives every site's fields as SQL does (cards, distances, city filters), nulls and odd text included", async () => {
    const { index, stats } = await buildSearchIndex(database.prisma);
    const [count] = await database.prisma.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM site");
    expect(stats).toMatchObject({ trials: 160, sites: count!.n, siteRead: "columns" });
    expect(index.ids).toHaveLength(160);
    await sameAsSql();
  });

  it("reads the sites again row by row when a text holds the column separator, with the same answers", async () => {
    // The newest update: first in the default order.
    await addTrial("NCT99999999", [[0, "Unit\u0001B", "Bilbao\u0001", [43.26, -2.93]]], "2026-06-01");
    const { index, stats } = await buildSearchIndex(database.prisma);
    expect(stats.siteRead).toBe("rows");
    const answer = index.search(parseSearch(new URLSearchParams("status=any&sort=updated")).filters, null, null);
    expect(answer.pageIds[0]).toBe("NCT99999999");
    expect(answer.trials[0]!.nearestSite).toMatchObject({ facility: "Unit\u0001B", city: "Bilbao\u0001", lat: 43.26, lon: -2.93 });
    await sameAsSql();
  });
});
