import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../integration/helpers/db";
import { closedLoop, describeFigures, figures, type LoadFigures, type Sample, slowestPaths } from "./helpers/load-client";
import { runFullSync, spawnStandinProcess } from "./helpers/load-procs";
import { type Proc, stopAllProcs } from "../integration/helpers/procs";
import { startWeb, type WebApp } from "./helpers/web";
import { applyMigrations } from "../../lib/db/migrate";
import { SEARCH_MIX } from "../bench/search-mix";

/**
 * Load while syncing (docs/reliability.md): the production build on a database of 20,000 synthetic
 * studies (plus the bundled real ones), 50 closed-loop clients on /api/trials over a realistic mix of
 * searches. First idle; then while a full sync (its own process, as `npm run sync -- --full`) rewrites
 * every synthetic study, served by the stand-in as their next revision. Zero errors in both phases,
 * the sync succeeds and updates them all, and p95 during the sync is at most 3× the idle p95.
 * LOAD_STUDIES, LOAD_CLIENTS, LOAD_IDLE_S and LOAD_SYNC_S change the sizes (defaults 20000, 50, 15, 30).
 */

const STUDIES = Number(process.env.LOAD_STUDIES ?? 20_000);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const IDLE_MS = Number(process.env.LOAD_IDLE_S ?? 15) * 1000;
const SYNC_MS = Number(process.env.LOAD_SYNC_S ?? 30) * 1000;
const PATHS = SEARCH_MIX.map((qs) => `/api/trials${qs ? `?${qs}` : ""}`);

let database: { url: string; drop(): Promise<void> } | undefined;
let standin: (Proc & { url: string; controlUrl: string }) | undefined;
let web: WebApp | undefined;
let seedSync: Awaited<ReturnType<typeof runFullSync>>;

type RunRow = { status: string; fetched: number; inserted: number; updated: number; unchanged: number; invalid: number; error: string | null };
async function lastRun(url: string): Promise<RunRow> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<RunRow>(`SELECT status, fetched, inserted, updated, unchanged, invalid, error FROM sync_run ORDER BY id DESC LIMIT 1`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

const failures = (samples: Sample[]) =>
  samples
    .filter((s) => s.status !== 200)
    .slice(0, 5)
    .map((s) => `${s.status} ${s.path}: ${s.detail ?? ""}`);

beforeAll(async () => {
  // Real Postgres only: the figures are about the production setup, not embedded PGlite.
  database = await createEmptyPostgresDatabase();
  if (!database) throw new Error("load-during-sync needs the machine's Postgres (127.0.0.1:5432 or TEST_DATABASE_URL)");
  await applyMigrations(database.url);
  standin = await spawnStandinProcess(["--synthetic", String(STUDIES)]);
  seedSync = await runFullSync({ databaseUrl: database.url, ctgovUrl: standin.url });
  if (seedSync.code !== 0) throw new Error(`seed sync failed (exit ${seedSync.code}):\n${seedSync.output.slice(-3_000)}`);
  web = await startWeb({ databaseUrl: database.url, env: { CTGOV_BASE_URL: standin.url, ...(process.env.SEARCH_CACHE ? { SEARCH_CACHE: process.env.SEARCH_CACHE } : {}) } });
});

afterAll(async () => {
  await web?.stop();
  await standin?.stop();
  await stopAllProcs();
  await database?.drop();
});

describe(`${CLIENTS} clients on /api/trials while a full sync of ${STUDIES.toLocaleString("en")} studies runs`, () => {
  let idle: LoadFigures;
  let idleSamples: Sample[];

  it("idle: every request answered 200", async () => {
    const seeded = await lastRun(database!.url);
    expect(seeded.status).toBe("succeeded");
    expect(seeded.inserted).toBeGreaterThanOrEqual(STUDIES);
    console.log(`load: seed sync of ${seeded.inserted} studies took ${(seedSync.ms / 1000).toFixed(1)} s`);
    // Warm up: every search once, then a few seconds of load (JIT, connection pool, gazetteer, cache).
    for (const p of PATHS) expect((await fetch(`${web!.url}${p}`)).status, p).toBe(200);
    await closedLoop(web!.url, { clients: CLIENTS, durationMs: 3_000, paths: PATHS });

    const samples = await closedLoop(web!.url, { clients: CLIENTS, durationMs: IDLE_MS, paths: PATHS });
    idleSamples = samples;
    idle = figures(samples);
    console.log(`load: idle: ${describeFigures(idle)}`);
    expect(failures(samples)).toEqual([]);
    expect(idle.requests).toBeGreaterThan(CLIENTS);
  });

  it("during a full sync that rewrites every study: no errors, p95 at most 3× idle", async () => {
    expect(idle, "the idle phase did not run").toBeDefined();
    // The stand-in now serves every synthetic study as a new version: the sync must rewrite them all.
    const switched = await fetch(`${standin!.controlUrl}/synthetic`, { method: "POST", body: JSON.stringify({ revision: 1 }) });
    expect(switched.status).toBe(200);

    const loadStart = performance.now();
    let loadEnd = 0;
    const [sync, samples] = await Promise.all([
      runFullSync({ databaseUrl: database!.url, ctgovUrl: standin!.url }),
      closedLoop(web!.url, { clients: CLIENTS, durationMs: SYNC_MS, paths: PATHS }).finally(() => (loadEnd = performance.now())),
    ]);
    const run = await lastRun(database!.url);
    const during = figures(samples, sync.started, sync.ended);
    const whole = figures(samples);
    const syncSeconds = sync.ms / 1000;
    console.log(
      [
        `load: sync: exit ${sync.code}, ${run.status}, ${syncSeconds.toFixed(1)} s, ${Math.round(run.fetched / syncSeconds)} studies/s; fetched ${run.fetched}, updated ${run.updated}, unchanged ${run.unchanged}, inserted ${run.inserted}, invalid ${run.invalid}`,
        `load: during the sync (${((Math.min(sync.ended, loadEnd) - Math.max(sync.started, loadStart)) / 1000).toFixed(1)} s of the ${SYNC_MS / 1000} s of load): ${describeFigures(during)}`,
        `load: the whole ${SYNC_MS / 1000} s: ${describeFigures(whole)}`,
        `load: p95 during sync / idle p95 = ${(during.p95 / idle.p95).toFixed(2)} (target ≤ 3)`,
        `load: slowest searches during the sync (p50/p95 ms, idle p95 beside):`,
        ...slowestPaths(samples, sync.started, sync.ended).map((p) => `  ${p.path}: ${p.p50}/${p.p95} (idle ${slowestPaths(idleSamples, -Infinity, Infinity, 100).find((q) => q.path === p.path)?.p95})`),
      ].join("\n"),
    );

    expect(sync.code, sync.output.slice(-3_000)).toBe(0);
    expect(run.status).toBe("succeeded");
    expect(run.updated).toBe(STUDIES);
    expect(failures(samples), `errors under load while syncing`).toEqual([]);
    expect(during.requests).toBeGreaterThan(CLIENTS);
    expect(during.p95).toBeLessThanOrEqual(3 * idle.p95);
  });
});
