import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Standin } from "../ctgov-standin/server";
import type { TestDatabase } from "../integration/helpers/db";
import { type Dump, describeDifference, normalisedDump } from "./helpers/dump";
import { describeReport, ENDPOINTS, type FuzzReport, runFuzz } from "./helpers/fuzz-check";
import { writeSnapshot, type WriteSnapshot } from "./helpers/fuzz-db";
import { generateQueries } from "./helpers/fuzz-queries";
import { syncedDatabase } from "./helpers/synced";
import { startWeb, type WebApp } from "./helpers/web";

/**
 * Bad input (docs/reliability.md): thousands of generated query strings — unknown and repeated
 * parameters, every SPEC §6 parameter with valid, near-valid and invalid values, 100 KB values, SQL
 * and script fragments, broken percent and UTF-8 escapes, control characters, extreme pages and
 * radii — sent to /api/trials, /api/trials.csv and /trials of the production build on a database
 * seeded by a real sync. Every answer is a 200 or a 400 naming the bad parameter (the page: a 200
 * with a message), within a bound; the database is left exactly as it was.
 * FUZZ_SEED replays a run (the seed is printed); FUZZ_QUERIES sets how many queries (× 3 requests).
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
const QUERIES = Number(process.env.FUZZ_QUERIES ?? 2_000);
const BOUND_MS = 10_000;

let database: TestDatabase | undefined;
let standin: Standin | undefined;
let web: WebApp | undefined;
let dumpBefore: Dump;
let snapshotBefore: WriteSnapshot;
let report: FuzzReport;

beforeAll(async () => {
  // Seeded through a client of its own, closed afterwards, so its backends report their counters now.
  ({ database, standin } = await syncedDatabase());
  dumpBefore = await normalisedDump(database.url);
  snapshotBefore = await writeSnapshot(database.url);
  web = await startWeb({ databaseUrl: database.url, env: { CTGOV_BASE_URL: standin.url } });
});

afterAll(async () => {
  await web?.stop();
  await standin?.close();
  await database?.drop();
});

describe(`fuzzing the search endpoints (FUZZ_SEED=${SEED})`, () => {
  it("answers every generated query with 200 or 400 naming the parameter, never 5xx, within 10 s", async () => {
    const queries = generateQueries(SEED, QUERIES);
    console.log(`fuzz: FUZZ_SEED=${SEED}, ${queries.length} queries × ${ENDPOINTS.length} endpoints, 8 in flight`);
    report = await runFuzz(web!.url, queries, { concurrency: 8, boundMs: BOUND_MS });
    console.log(`fuzz: ${report.requests} requests in ${report.seconds} s\n${describeReport(report)}`);

    // Replayable: the same seed gives the same queries.
    expect(generateQueries(SEED, 50)).toEqual(queries.slice(0, 50));
    // Every kind of bad input the scenario names is in the set.
    const kinds: Record<string, RegExp> = {
      "broken escapes": /(^|[=&])%(zz|C3|ED%A0%80|00)/,
      "script fragments": /%3Cscript%3E|javascript%3A/,
      "SQL fragments": /DROP%20TABLE|OR%201%3D1/,
      "repeated parameters": /(?:^|&)(phase|status|source|route|therapy)=[^&]*&(?:.*&)?\1=/,
      "unknown parameters": /(?:^|&)(foo|filter\.phase|Q|PHASE)=/,
      "extreme pages": /page=(-1|1e309|0|9999999)(&|$)/,
      "extreme radii": /radius=(99999999mi|-5km|0)(&|$)/,
      "coordinates out of range": /near=(91%2C0|0%2C181|-91%2C10)(&|$)/,
      "empty values": /(^|&)[a-z]+=(&|$)/,
    };
    for (const [kind, pattern] of Object.entries(kinds)) expect(queries.some((q) => pattern.test(q.qs)), kind).toBe(true);
    expect(queries.some((q) => q.huge && q.qs.length > 100_000)).toBe(true);

    // The generator covers both outcomes, and knows most of them in advance.
    const known = queries.filter((q) => q.expect !== "either");
    expect(known.filter((q) => q.expect === 200).length).toBeGreaterThan(QUERIES / 10);
    expect(known.filter((q) => q.expect === 400).length).toBeGreaterThan(QUERIES / 10);
    expect(known.length).toBeGreaterThan(QUERIES * 0.9);

    expect(report.problems.slice(0, 40), `FUZZ_SEED=${SEED}: ${report.problems.length} problems\n${web!.output().slice(-3_000)}`).toEqual([]);
    expect(report.requests).toBeGreaterThanOrEqual(5_000);
    for (const e of ENDPOINTS) {
      const s = report.byEndpoint[e];
      expect(s.requests).toBeGreaterThanOrEqual(1_500);
      // Only the statuses the contract allows.
      // The page may also redirect a valid query to its canonical URL (checked against canonicalRedirect in fuzz-check).
      expect(Object.keys(s.statuses).filter((k) => !(e === "/trials" ? ["200", "307"] : ["200", "400"]).includes(k)), e).toEqual([]);
      expect(s.max).toBeLessThanOrEqual(BOUND_MS);
    }
    expect(report.byEndpoint["/api/trials"].statuses["400"]).toBeGreaterThan(0);
    expect(report.byEndpoint["/api/trials"].statuses["200"]).toBeGreaterThan(0);
  });

  it("wrote nothing: same data, same row counts in every table, no row inserted, updated or deleted", async () => {
    expect(report, "the fuzz run above did not finish").toBeDefined();
    // Stopping the app ends its database sessions, which report their counters as they go.
    await web!.stop();
    const snapshotAfter = await writeSnapshot(database!.url);
    const dumpAfter = await normalisedDump(database!.url);

    // The counters are live: the seed sync's inserts are in them.
    expect(snapshotBefore.counts.trial).toBeGreaterThan(100);
    expect(snapshotBefore.tuples.trial!.ins).toBeGreaterThanOrEqual(snapshotBefore.counts.trial!);
    expect(Object.keys(snapshotBefore.counts)).toEqual(expect.arrayContaining(["trial", "sync_run", "audit_log", "invalid_record"]));

    expect(dumpAfter.digest, describeDifference(dumpBefore, dumpAfter)).toBe(dumpBefore.digest);
    expect(snapshotAfter.counts).toEqual(snapshotBefore.counts);
    expect(snapshotAfter.tuples).toEqual(snapshotBefore.tuples);
  });
});
