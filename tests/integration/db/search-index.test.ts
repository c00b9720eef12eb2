import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { mulberry32 } from "../../../lib/prng";
import { checkEquivalence, vocabulary } from "../helpers/search-equivalence";
import { fileWorld } from "../helpers/world";

// The in-memory search index (lib/search/index-*.ts) against its oracle, the SQL path: thousands
// of random filter combinations (fewer on PGlite, which is slower) over the bundled records synced
// from the stand-in, and over synthetic trials drawn to hit the corners (nulls, mixed donors,
// statuses outside the nine, equal dates, sites sharing coordinates, unlocated sites, removed trials).

const PGLITE = process.env.TEST_DB === "pglite";
const WORDS = ["stem", "disc", "pain", "mesenchymal", "cell -bone", '"low back"', "injection", "platelet", "zzzunmatched", "degenerative disc"];

describe("search index over the bundled records (synced from the stand-in)", () => {
  const world = fileWorld({ synced: true });

  it(
    "answers random searches exactly as SQL does (totals, facets, page order and rows)",
    async () => {
      const v = await vocabulary(world.database.prisma, WORDS);
      expect(v.ids.length).toBeGreaterThan(50);
      await checkEquivalence(world.database.prisma, v, PGLITE ? 150 : 2000, 15);
    },
    PGLITE ? 300_000 : 600_000,
  );
});

describe("search index over synthetic trials", () => {
  let database: TestDatabase;
  const N = PGLITE ? 600 : 3000;
  beforeAll(async () => {
    database = await createTestDatabase();
    const rnd = mulberry32(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const some = (xs: readonly string[], p: number) => xs.filter(() => rnd() < p);
    const statuses = ["RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED", "SUSPENDED", "TERMINATED", "WITHDRAWN", "UNKNOWN", "AVAILABLE", "NO_LONGER_AVAILABLE"];
    const countries = ["United States", "Spain", "China", "Korea, Republic of", "Iran, Islamic Republic of", "Germany"];
    const states = ["New York", "California", "Madrid", "Texas", null];
    const cities = ["New York", "Los Angeles", "Madrid", "Houston", "Springfield", null];
    const coords = [
      [40.71, -74.0],
      [34.05, -118.24],
      [40.42, -3.7],
      [29.76, -95.36],
      [39.9, 116.4],
      [37.57, 126.98],
      [35.7, 51.4],
      [52.52, 13.4],
    ];
    const trials: unknown[][] = [];
    const sites: unknown[][] = [];
    for (let i = 0; i < N; i++) {
      const id = `NCT${String(10_000_000 + i).padStart(8, "0")}`;
      const day = (d: number | null) => (d === null ? null : new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
      trials.push([
        id,
        `Synthetic trial ${i} of ${pick(["stem cells", "disc pain", "mesenchymal injection", "platelet rich plasma", "low back pain"])}`,
        pick(statuses),
        some(["cell-therapy", "prp", "acellular-biologic", "other"], 0.4),
        some(["bone-marrow", "adipose", "umbilical-cord", "disc", "other"], 0.3),
        rnd() < 0.3 ? null : pick(["autologous", "allogeneic", "mixed", "unknown"]),
        some(["intradiscal", "intravenous", "facet", "other"], 0.35),
        some(["1", "2", "3", "4", "na"], 0.3),
        rnd() < 0.1 ? null : day(Math.floor(rnd() * 40)),
        rnd() < 0.2 ? null : day(Math.floor(rnd() * 300)),
        rnd() < 0.05 ? new Date().toISOString() : null,
        rnd() < 0.2,
      ]);
      const k = Math.floor(rnd() * 4);
      for (let s = 0; s < k; s++) {
        const c = rnd() < 0.15 ? null : pick(coords);
        sites.push([id, s, `Site ${s}`, pick(["RECRUITING", "COMPLETED", null]), pick(cities), pick(states), rnd() < 0.1 ? null : pick(countries), c?.[0] ?? null, c?.[1] ?? null]);
      }
    }
    const sql = database.prisma.$executeRawUnsafe.bind(database.prisma);
    for (let i = 0; i < trials.length; i += 500) {
      const batch = trials.slice(i, i + 500);
      await sql(
        `INSERT INTO trial (nct_id, brief_title, overall_status, therapy, source, donor, route, phase, last_update_post_date, start_date, removed_at, has_results, raw, raw_hash)
         SELECT x.id, x.title, x.status, ARRAY(SELECT jsonb_array_elements_text(x.therapy)), ARRAY(SELECT jsonb_array_elements_text(x.source)), x.donor,
           ARRAY(SELECT jsonb_array_elements_text(x.route)), ARRAY(SELECT jsonb_array_elements_text(x.phase)), x.lud::date, x.sd::date, x.removed::timestamp, x.posted, '{}'::jsonb, md5(x.id)
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, title text, status text, therapy jsonb, source jsonb, donor text, route jsonb, phase jsonb, lud text, sd text, removed text, posted boolean)`,
        JSON.stringify(batch.map(([id, title, status, therapy, source, donor, route, phase, lud, sd, removed, posted]) => ({ id, title, status, therapy, source, donor, route, phase, lud, sd, removed, posted }))),
      );
    }
    for (let i = 0; i < sites.length; i += 1000) {
      const batch = sites.slice(i, i + 1000);
      await sql(
        `INSERT INTO site (nct_id, position, facility, status, city, state, country, lat, lon)
         SELECT x.id, x.pos, x.facility, x.status, x.city, x.state, x.country, x.lat, x.lon
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, pos int, facility text, status text, city text, state text, country text, lat float8, lon float8)`,
        JSON.stringify(batch.map(([id, pos, facility, status, city, state, country, lat, lon]) => ({ id, pos, facility, status, city, state, country, lat, lon }))),
      );
    }
  }, 240_000);
  afterAll(async () => {
    await database?.drop();
  });

  it(
    "answers random searches exactly as SQL does (totals, facets, page order and rows)",
    async () => {
      const live = await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM trial_search WHERE live`);
      expect(live[0]!.n).toBeGreaterThan(N * 0.9);
      const v = await vocabulary(database.prisma, ["synthetic", "stem", "disc pain", "platelet", "-mesenchymal trial"]);
      await checkEquivalence(database.prisma, v, PGLITE ? 100 : 1000, 99);
    },
    PGLITE ? 300_000 : 600_000,
  );
});
