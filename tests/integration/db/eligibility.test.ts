import { Writable } from "node:stream";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The server's logger, configured exactly as in production (redaction included) but at the most
// verbose level and writing here, so the privacy check below sees every line it would write.
const logs = vi.hoisted(() => [] as string[]);
vi.mock("../../../lib/logger", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../lib/logger")>();
  const { default: pino } = await import("pino");
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  return { ...real, logger: pino({ ...real.loggerOptions, level: "trace" }, sink) };
});

import { clearEligibilityCache } from "../../../lib/eligibility/data";
import { readEligibility, RULES_VERSION } from "../../../lib/eligibility/read";
import { PROFILE_KEYS, type Profile } from "../../../lib/eligibility/schema";
import { matchingIds } from "../../../lib/search/data";
import { prepareSearch } from "../../../lib/search/run";
import { standinClient, syncOnce } from "../helpers/sync";
import { fileWorld } from "../helpers/world";

/**
 * The eligibility self-check on a real database: rules stored by the sync with each trial and re-read
 * when the reader's version changes, then POST /api/fit, POST /api/trials and GET /api/trials/{id}
 * called as route handlers, and a capture of every log line they write.
 */

const world = fileWorld();

let fitRoute: typeof import("../../../app/api/fit/route");
let trialsRoute: typeof import("../../../app/api/trials/route");
let trialRoute: typeof import("../../../app/api/trials/[nctId]/route");

beforeAll(async () => {
  await world.sync();
  process.env.SEARCH_CACHE = "off";
  fitRoute = await import("../../../app/api/fit/route");
  trialsRoute = await import("../../../app/api/trials/route");
  trialRoute = await import("../../../app/api/trials/[nctId]/route");
});

const post = (path: string, body: unknown, contentType = "application/json") =>
  new NextRequest(`http://127.0.0.1${path}`, { method: "POST", headers: { "content-type": contentType }, body: typeof body === "string" ? body : JSON.stringify(body) });

type Stored = { nct_id: string; raw: unknown; eligibility: unknown; eligibility_version: number };
const allStored = () => world.database.prisma.$queryRawUnsafe<Stored[]>(`SELECT nct_id, raw, eligibility, eligibility_version FROM trial ORDER BY nct_id`);

/** A live trial whose structured minimum age is 18 (most of them). */
async function adultTrial(): Promise<string> {
  const [row] = await world.database.prisma.$queryRawUnsafe<{ nct_id: string }[]>(
    `SELECT nct_id FROM trial WHERE removed_at IS NULL AND min_age_years = 18 AND sex = 'ALL' ORDER BY nct_id LIMIT 1`,
  );
  return row!.nct_id;
}

describe("eligibility rules at sync", () => {
  it("stores every trial's rules, read from its raw record, with the reader's version", async () => {
    const rows = await allStored();
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.eligibility_version).toBe(RULES_VERSION);
      expect(r.eligibility).toEqual(readEligibility(r.raw));
    }
    const withAge = rows.filter((r) => (r.eligibility as ReturnType<typeof readEligibility>).rules.age.min === 18);
    expect(withAge.length).toBeGreaterThan(50);
  });

  it("re-reads trials stored by an older reader version at the next sync, and leaves current ones alone", async () => {
    const [a, b] = (await allStored()).map((r) => r.nct_id);
    await world.database.prisma.$executeRawUnsafe(
      `UPDATE trial SET eligibility = '{"rules":{}}'::jsonb, eligibility_version = $2 WHERE nct_id = $1`,
      a,
      RULES_VERSION - 1,
    );
    await world.database.prisma.$executeRawUnsafe(`UPDATE trial SET eligibility = NULL, eligibility_version = 0 WHERE nct_id = $1`, b);
    const before = await world.database.prisma.$queryRawUnsafe<{ nct_id: string; updated_at: Date }[]>(`SELECT nct_id, updated_at FROM trial WHERE nct_id NOT IN ($1, $2)`, a, b);

    const outcome = await syncOnce(world.database.prisma, standinClient(world.standin.url), "incremental");
    expect(outcome.status).toBe("succeeded");
    for (const r of await allStored()) {
      expect(r.eligibility_version).toBe(RULES_VERSION);
      expect(r.eligibility).toEqual(readEligibility(r.raw));
    }
    // Trials already read by this version were not rewritten by the re-read step.
    const after = new Map(
      (await world.database.prisma.$queryRawUnsafe<{ nct_id: string; updated_at: Date }[]>(`SELECT nct_id, updated_at FROM trial`)).map((r) => [r.nct_id, r.updated_at.getTime()]),
    );
    const rewritten = before.filter((r) => after.get(r.nct_id) !== r.updated_at.getTime());
    expect(rewritten.length).toBeLessThan(before.length / 2);
  });

  it("GET /api/trials/{nctId} carries the rules and the words behind them", async () => {
    const id = await adultTrial();
    const res = await trialRoute.GET(new NextRequest(`http://127.0.0.1/api/trials/${id}`), { params: Promise.resolve({ nctId: id }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.eligibilityRules.age.min).toBe(18);
    expect(Object.keys(body.eligibilityRules).length).toBe(22);
    expect(body.quotes.age).toBe("structured");
  });
});

describe("POST /api/fit", () => {
  it("answers each trial asked, in order, with 21 checks, a verdict and the count of other criteria; never cached", async () => {
    const id = await adultTrial();
    const res = await fitRoute.POST(post("/api/fit", { profile: { age: 12, smoker: true }, nctIds: [id, "NCT99999999", id] }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["results"]);
    expect(body.results).toHaveLength(1);
    const [r] = body.results;
    expect(Object.keys(r).sort()).toEqual(["checks", "nctId", "otherCriteria", "verdict"]);
    expect(r).toMatchObject({ nctId: id, verdict: "ruled-out" });
    expect(typeof r.otherCriteria).toBe("number");
    expect(r.checks.map((c: { question: string }) => c.question)).toEqual(PROFILE_KEYS);
    const age = r.checks.find((c: { question: string }) => c.question === "age");
    expect(age).toMatchObject({ result: "fails", criterion: expect.stringContaining("18") });
    expect(age.why).toMatch(/You said you are 12\./);
    for (const c of r.checks) {
      expect(Object.keys(c).sort()).toEqual(["criterion", "question", "result", "why"]);
      expect(c.why).not.toMatch(/eligib/i);
    }

    const adult = await (await fitRoute.POST(post("/api/fit", { profile: { age: 40 }, nctIds: [id] }))).json();
    expect(adult.results[0].verdict).toBe("no-conflict");
  });

  it("uses rules read by the current reader even before the re-read step has run", async () => {
    const id = await adultTrial();
    await world.database.prisma.$executeRawUnsafe(`UPDATE trial SET eligibility = NULL, eligibility_version = 0, updated_at = now() WHERE nct_id = $1`, id);
    clearEligibilityCache();
    const body = await (await fitRoute.POST(post("/api/fit", { profile: { age: 12 }, nctIds: [id] }))).json();
    expect(body.results[0].verdict).toBe("ruled-out");
  });

  it("answers from the rules as stored now, not the ones in memory, once a trial's row has changed", async () => {
    const id = await adultTrial();
    const ask = async () => (await (await fitRoute.POST(post("/api/fit", { profile: { age: 40, smoker: true }, nctIds: [id] }))).json()).results[0];
    const before = await ask(); // the rules are now in memory
    expect(before.checks.find((c: { question: string }) => c.question === "smoker").result).toBe("not-asked");
    const [row] = await world.database.prisma.$queryRawUnsafe<{ raw: unknown; eligibility: unknown; eligibility_version: number }[]>(`SELECT raw, eligibility, eligibility_version FROM trial WHERE nct_id = $1`, id);
    const read = readEligibility(row!.raw);
    const changed = { ...read, rules: { ...read.rules, smoking: "excluded" }, quotes: { ...read.quotes, smoking: "Current smokers" } };
    const store = (eligibility: unknown, version: number) =>
      world.database.prisma.$executeRawUnsafe(`UPDATE trial SET eligibility = NULLIF($2::jsonb, 'null'::jsonb), eligibility_version = $3, updated_at = now() WHERE nct_id = $1`, id, JSON.stringify(eligibility), version);
    await store(changed, RULES_VERSION);
    const after = await ask();
    expect(after.verdict).toBe("ruled-out");
    expect(after.checks.find((c: { question: string }) => c.question === "smoker")).toMatchObject({ result: "fails", criterion: "Current smokers" });
    // Put it back for the tests after this one.
    await store(row!.eligibility, row!.eligibility_version);
    expect((await ask()).checks.find((c: { question: string }) => c.question === "smoker").result).toBe("not-asked");
  });

  it("refuses bad bodies with a 400 naming each bad key, without repeating the values", async () => {
    const cases: [unknown, string[]][] = [
      [{ profile: { age: -4, weight: 80, sex: "other" }, nctIds: [] }, ["profile.age", "profile.weight", "profile.sex"]],
      [{ profile: {}, nctIds: ["nct1"] }, ["nctIds.0"]],
      [{ profile: {}, nctIds: Array.from({ length: 501 }, (_, i) => `NCT${String(i).padStart(8, "0")}`) }, ["nctIds"]],
      [{ profile: {}, nctIds: [], extra: 1 }, ["extra"]],
      [{ nctIds: [] }, ["profile"]],
      ["{not json", ["body"]],
    ];
    for (const [body, params] of cases) {
      const res = await fitRoute.POST(post("/api/fit", body));
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const json = await res.json();
      expect(json.errors.map((e: { param: string }) => e.param).sort()).toEqual([...params].sort());
      expect(JSON.stringify(json)).not.toMatch(/-4|"other"|\b80\b/);
    }
    const wrongType = await fitRoute.POST(post("/api/fit", "profile=1", "application/x-www-form-urlencoded"));
    expect(wrongType.status).toBe(400);
  });

  it("takes exactly 500 ids", async () => {
    const ids = (await allStored()).map((r) => r.nct_id);
    const many = Array.from({ length: 500 }, (_, i) => ids[i % ids.length]!);
    const res = await fitRoute.POST(post("/api/fit", { profile: { age: 40 }, nctIds: many }));
    expect(res.status).toBe(200);
    expect((await res.json()).results.length).toBe(new Set(many).size);
  });
});

describe("POST /api/trials", () => {
  const openStatuses = ["recruiting", "not-yet-recruiting", "enrolling-by-invitation"];
  const sumOpen = (facets: { status: Record<string, number> }) => openStatuses.reduce((n, s) => n + (facets.status[s] ?? 0), 0);

  it("answers the GET shape with each trial's fit; hideRuledOut makes the total and the facets follow", async () => {
    const query = "status=any";
    const get = await (await trialsRoute.GET(new NextRequest(`http://127.0.0.1/api/trials?${query}`))).json();

    const profile: Profile = { age: 12 };
    const shown = await trialsRoute.POST(post("/api/trials", { query, profile, hideRuledOut: false }));
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toBe("no-store");
    const all = await shown.json();
    expect(Object.keys(all).sort()).toEqual(Object.keys(get).sort());
    expect(all.total).toBe(get.total);
    expect(all.facets).toEqual(get.facets);
    expect(all.trials.map((t: { nctId: string }) => t.nctId)).toEqual(get.trials.map((t: { nctId: string }) => t.nctId));
    for (const t of all.trials) {
      expect(Object.keys(t.fit).sort()).toEqual(["ask", "fails", "verdict"]);
      if (t.fit.verdict === "ruled-out") expect(t.fit.fails).toContain("age");
      else expect(t.fit.fails).toEqual([]);
    }
    expect(all.trials.some((t: { fit: { verdict: string } }) => t.fit.verdict === "ruled-out")).toBe(true);

    // The expected count of trials left: every live match checked one by one through /api/fit.
    const prepared = prepareSearch(new URLSearchParams(query));
    const ids = await matchingIds(world.database.prisma, prepared.filters, prepared.place);
    expect(ids.length).toBe(all.total);
    let noConflict = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const fit = await (await fitRoute.POST(post("/api/fit", { profile, nctIds: ids.slice(i, i + 500) }))).json();
      noConflict += fit.results.filter((r: { verdict: string }) => r.verdict === "no-conflict").length;
    }
    const hidden = await (await trialsRoute.POST(post("/api/trials", { query, profile, hideRuledOut: true }))).json();
    expect(hidden.total).toBe(noConflict);
    expect(hidden.total).toBeLessThan(all.total);
    expect(hidden.total).toBeGreaterThan(0);
    expect(hidden.trials.every((t: { fit: { verdict: string } }) => t.fit.verdict === "no-conflict")).toBe(true);
    const statusSum = Object.values(hidden.facets.status as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(statusSum).toBe(hidden.total);

    // With the default (open trials) search: the open-status facet counts add up to the total.
    const open = await (await trialsRoute.POST(post("/api/trials", { query: "", profile, hideRuledOut: true }))).json();
    expect(sumOpen(open.facets)).toBe(open.total);
  });

  it("400s name the bad query parameter or profile key", async () => {
    const badQuery = await trialsRoute.POST(post("/api/trials", { query: "phase=7", profile: {}, hideRuledOut: false }));
    expect(badQuery.status).toBe(400);
    expect(badQuery.headers.get("cache-control")).toBe("no-store");
    expect((await badQuery.json()).errors[0].param).toBe("phase");
    const badProfile = await trialsRoute.POST(post("/api/trials", { query: "", profile: { bmi: "fat" }, hideRuledOut: "yes" }));
    expect(badProfile.status).toBe(400);
    expect((await badProfile.json()).errors.map((e: { param: string }) => e.param).sort()).toEqual(["hideRuledOut", "profile.bmi"]);
  });
});

describe("privacy", () => {
  it("no answer value reaches a log line, even when the database is down", async () => {
    // Values no other line would contain by chance.
    const profile: Profile = { age: 97.3125, bmi: 43.21987, painMonths: 731.5, spineInjectionWeeksAgo: 4321.5, cancerYearsAgo: 61.25, diabetes: "uncontrolled", sex: "female" };
    const id = await adultTrial();
    logs.length = 0;
    const writes: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void writes.push(args.map(String).join(" "))));
    try {
      await fitRoute.POST(post("/api/fit", { profile, nctIds: [id] }));
      await trialsRoute.POST(post("/api/trials", { query: "status=any", profile, hideRuledOut: true }));
      await fitRoute.POST(post("/api/fit", { profile: { ...profile, age: -97.3125 }, nctIds: [id] }));
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:1/unreachable";
      try {
        const down = await fitRoute.POST(post("/api/fit", { profile, nctIds: [id] }));
        expect(down.status).toBe(503);
        expect((await trialsRoute.POST(post("/api/trials", { query: "", profile, hideRuledOut: true }))).status).toBe(503);
      } finally {
        process.env.DATABASE_URL = saved;
      }
    } finally {
      for (const s of spies) s.mockRestore();
    }
    const everything = [...logs, ...writes].join("\n");
    for (const value of ["97.3125", "43.21987", "731.5", "4321.5", "61.25", "uncontrolled"]) expect(everything).not.toContain(value);
    // The capture works: a line written through the same logger is seen.
    const { logger } = await import("../../../lib/logger");
    logger.info({ probe: "visible" }, "probe");
    expect(logs.join("\n")).toContain("visible");
  });

  it("redacts a profile or answers object if one is ever logged", async () => {
    const { logger } = await import("../../../lib/logger");
    logs.length = 0;
    logger.info({ profile: { age: 55.5 }, body: { profile: { bmi: 31.7 } }, answers: { smoker: true } }, "careless");
    const line = logs.join("\n");
    expect(line).toContain("careless");
    expect(line).not.toMatch(/55\.5|31\.7|"smoker"/);
  });
});
