import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { describeReport, ENDPOINTS, runFuzz } from "../chaos/helpers/fuzz-check";
import { rowCounts } from "../chaos/helpers/fuzz-db";
import { generateQueries } from "../chaos/helpers/fuzz-queries";
import { e2eDatabaseUrl } from "./from-setup";

// The quick part of the search fuzzer (the long one: tests/chaos/fuzz.test.ts): a few hundred
// generated query strings against /api/trials, /api/trials.csv and /trials of the e2e server. Every
// answer is a 200 or a 400 naming the bad parameter (the page: a 200 with a message, or a 307 to the
// canonical URL of a valid query spelled differently), within 10 s,
// and no table gains or loses a row. Row counts only: other specs may sync this database meanwhile,
// so Postgres' write counters cannot be compared here. The long fuzzer runs alone on its own database
// and compares those counters and a full dump (no update slips by). FUZZ_SEED replays a run.

const QUERIES = Number(process.env.FUZZ_E2E_QUERIES ?? 250);
/** What a resync of the same records leaves at the same size (the admin tests may run one beside us). */
const FINDER_TABLES = ["trial", "trial_search", "intervention", "arm_group", "site"];

test("generated query strings get 200 or a 400 naming the parameter, never 5xx, and add or remove no rows", async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  // Drawn here, not at load: Playwright loads the file in more than one process.
  const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
  testInfo.annotations.push({ type: "seed", description: `FUZZ_SEED=${SEED}` });
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const marks = async () => (await client.query<{ sync: number; audit: number; running: number }>(
      `SELECT (SELECT coalesce(max(id), 0) FROM sync_run)::int AS sync, (SELECT coalesce(max(id), 0) FROM audit_log)::int AS audit,
              (SELECT count(*) FROM sync_run WHERE status = 'running')::int AS running`,
    )).rows[0]!;
    const marksBefore = await marks();
    const before = await rowCounts(client);

    const report = await runFuzz(baseURL!, generateQueries(SEED, QUERIES), { concurrency: 4, boundMs: 10_000 });
    console.log(`fuzz (FUZZ_SEED=${SEED}): ${report.requests} requests in ${report.seconds} s\n${describeReport(report)}`);

    const after = await rowCounts(client);
    const marksAfter = await marks();

    expect(report.problems.slice(0, 20), `FUZZ_SEED=${SEED}: ${report.problems.length} problems`).toEqual([]);
    for (const e of ENDPOINTS) {
      const s = report.byEndpoint[e];
      expect(s.requests).toBe(QUERIES);
      // The page may also redirect a valid query to its canonical URL (checked against canonicalRedirect in fuzz-check).
      const allowed = e === "/trials" ? ["200", "307"] : ["200", "400"];
      expect(Object.keys(s.statuses).filter((k) => !allowed.includes(k)), e).toEqual([]);
      expect(s.max).toBeLessThanOrEqual(10_000);
    }
    expect(report.byEndpoint["/api/trials"].statuses["400"]).toBeGreaterThan(0);
    expect(report.byEndpoint["/api/trials"].statuses["200"]).toBeGreaterThan(0);

    expect(Object.keys(before)).toEqual(expect.arrayContaining([...FINDER_TABLES, "sync_run", "audit_log"]));
    const othersWrote = marksAfter.sync !== marksBefore.sync || marksAfter.audit !== marksBefore.audit || marksBefore.running + marksAfter.running > 0;
    if (othersWrote) {
      // A sync by another spec ran meanwhile: its run, audit and seen-id rows are its own; the finder's tables keep their size.
      testInfo.annotations.push({ type: "note", description: "a sync ran beside the fuzzer: compared the finder's tables only" });
      for (const t of FINDER_TABLES) expect(after[t], t).toBe(before[t]);
    } else {
      expect(after).toEqual(before);
    }
  } finally {
    await client.end();
  }
});

test("a broken %-escape in the path gets a 400 that says so, on pages and API routes alike", async ({ request }) => {
  for (const p of ["/trials/%E0%A4%A", "/trials/NCT0404%zz", "/api/trials/%zz", "/learn/%", "/%ED%A0%80"]) {
    const res = await request.get(p);
    expect(res.status(), p).toBe(400);
    expect(await res.text(), p).toContain("broken %-escape");
  }
  // Well-formed escapes still reach the app.
  expect((await request.get("/trials/NCT04042844%20")).status()).toBeLessThan(500);
});
