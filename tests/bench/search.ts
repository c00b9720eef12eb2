/**
 * npm run bench:search [-- --n 100000 --duration 20 --connections 20 --no-lighthouse --settle 90 --with-sql --with-next --profile <dir>]
 * A fresh database filled by a real sync from the stand-in, grown to N trials (synthetic copies of
 * real records over real site locations, tests/bench/search-data.ts). The in-memory search index is
 * built in this process at 1,000, 10,000 and N trials, each once the machine is quiet (build time, memory, in-memory search time).
 * Then `next start` of the current production build on it (tests/chaos/helpers/web.ts: built first
 * if missing or older than the code) and autocannon with 20 concurrent clients on /api/trials over a
 * mix of realistic filter combinations, once with SEARCH_CACHE=off (every request answered by the
 * server's index, which the benchmark waits for and checks in the server's log) and once with the
 * result cache (production settings), each with the CPU it cost per request (server, Postgres); then
 * the SQL statements behind each combination timed directly (the old floor). Also the first-load
 * JavaScript of /trials (gzipped) and a Lighthouse run in the Debian Chromium. --profile writes a
 * CPU profile of the uncached server (node --cpu-prof). Searches are answered by the fast lane
 * (lib/http/fast-lane.ts, decision 033) as in production; --with-next adds an uncached run with
 * FAST_LANE=off, every search through Next.js's routing.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { runInNewContext } from "node:vm";
import v8 from "node:v8";
import { buildSearchIndex } from "../../lib/search/index-build";
import { parseSearch } from "../../lib/search/schema";
import { facetsSql, pageSql } from "../../lib/search/sql";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { standinClient, syncOnce } from "../integration/helpers/sync";
import { startWeb, type WebApp } from "../chaos/helpers/web";
import { positiveArg } from "./args";
import { SEARCH_MIX } from "./search-mix";
import { growToSynthetic } from "./search-data";
import { cpuMeter } from "./cpu";
import { percentile, r1 } from "./stats";

type Autocannon = ((opts: Record<string, unknown>) => AutocannonInstance) & { track?: unknown };
type AutocannonInstance = PromiseLike<AutocannonResult> & { on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
type AutocannonResult = { requests: { total: number; average: number }; non2xx: number; errors: number; timeouts: number; duration: number };
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const N = positiveArg("--n", 100_000, { whole: true });
const DURATION = positiveArg("--duration", 20);
const CONNECTIONS = positiveArg("--connections", 20, { whole: true });
/** How long to wait at most for a quiet machine before each measured run; 0 does not wait. */
const SETTLE_S = positiveArg("--settle", 90, { zero: true });
const LIGHTHOUSE = !process.argv.includes("--no-lighthouse");
/** Also time the old uncached path (SEARCH_INDEX=off: every request runs its SQL). */
const WITH_SQL = process.argv.includes("--with-sql");
/** Also time the uncached search through Next.js's routing (FAST_LANE=off), as before decision 033. */
const WITH_NEXT = process.argv.includes("--with-next");
/** Writes a CPU profile of the uncached server into this directory (node --cpu-prof); `--profile` alone: ./bench-profile. */
const profileAt = process.argv.indexOf("--profile");
const profileDir = profileAt > 0 ? process.argv[profileAt + 1] : undefined;
const PROFILE = profileAt > 0 ? path.resolve(profileDir && !profileDir.startsWith("--") ? profileDir : "bench-profile") : null;
/** Sizes the in-memory index is built at (build time and memory), up to N. */
const INDEX_SIZES = [...new Set([1_000, 10_000, N].filter((x) => x <= N))];

// Offline coordinates of the places above (as lib/geo resolves them), for timing the SQL directly.
const PLACES: Record<string, { lat: number; lon: number; label: string }> = {
  "10001": { lat: 40.7484, lon: -73.9967, label: "New York, NY" },
  Denver: { lat: 39.73915, lon: -104.9847, label: "Denver, CO" },
  "90210": { lat: 34.0901, lon: -118.4065, label: "Beverly Hills, CA" },
  "Houston, TX": { lat: 29.76328, lon: -95.36327, label: "Houston, TX" },
};


/** Share of CPU time idle over the next `ms` (all cores; Linux /proc/stat). */
async function idleShare(ms: number): Promise<number> {
  const read = () => readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  const d = b.map((x, i) => x - a[i]!);
  const total = d.reduce((x, y) => x + y, 0);
  return total > 0 ? (d[3]! + (d[4] ?? 0)) / total : 1;
}

/**
 * Waits until the machine is quiet before a measured run: no statement still running in the
 * benchmark's database (a killed server's queued queries and autovacuum after the data load keep
 * going) and the CPUs ≥ 80% idle for two seconds in a row; at most --settle seconds (90). Says what it waited for.
 */
async function settle(url: string, label: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  let quiet = 0;
  let active = 0;
  let idle = 0;
  try {
    while (quiet < 2 && performance.now() - t0 < SETTLE_S * 1000) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle' AND backend_type IN ('client backend', 'autovacuum worker', 'parallel worker')",
      );
      active = rows[0]!.n;
      idle = await idleShare(1000);
      quiet = active === 0 && idle >= 0.8 ? quiet + 1 : 0;
    }
  } finally {
    await client.end();
  }
  console.log(
    `before ${label}: waited ${r1((performance.now() - t0) / 1000)} s to settle (${quiet >= 2 ? "quiet" : `gave up: ${active} statements running, CPU ${Math.round(idle * 100)}% idle`}); load average ${os.loadavg().map(r1).join(", ")} (2 cores, shared)`,
  );
}

/** The server's log lines (JSON, pino) whose message is `msg`. */
const logLines = (web: WebApp, msg: string) =>
  web
    .output()
    .split("\n")
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => JSON.parse(l.slice(l.indexOf("{"))) as Record<string, unknown>);

/**
 * Waits (≤ 120 s) until the server logged "search index built" (its servers run at LOG_LEVEL=debug,
 * so the line is seen); returns that line's figures. Each poll is a search, which starts the build.
 */
async function indexBuilt(web: WebApp): Promise<{ ms: number; trials: number } | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < 120_000) {
    const [line] = logLines(web, "search index built");
    if (line) return { ms: line.ms as number, trials: line.trials as number };
    await fetch(`${web.url}/api/trials`).then((r) => r.arrayBuffer(), () => {});
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

/**
 * Whether the index answered every search of a run: the data version does not move during the
 * benchmark, so once built the index answers every request unless a search failed or fell back to
 * SQL (each logged, at warn or debug level) or another build happened. Only the log after the first
 * build counts (the polls before it were answered by SQL while it was building).
 */
function indexAnswered(web: WebApp): string {
  const out = web.output();
  const at = out.indexOf('"msg":"search index built"');
  if (at < 0) return "NOT answered by the index: it was never built";
  const after = out.slice(out.indexOf("\n", at) + 1).split("\n");
  const builds = after.filter((l) => l.includes('"msg":"search index built"')).length;
  const fallbacks = after.filter((l) => l.includes("SQL answers")).length;
  return builds === 0 && fallbacks === 0 ? "every search answered by the index" : `NOT every search answered by the index: ${builds} more builds, ${fallbacks} fallbacks to SQL`;
}

async function load(web: WebApp, dbUrl: string, opts: { index: boolean }) {
  const base = web.url;
  if (opts.index) {
    const built = await indexBuilt(web);
    const failed = web.output().split("\n").filter((l) => l.includes("search index build failed"));
    console.log(built ? `  server's index: ${built.trials} trials built in ${built.ms} ms` : `  server's index: NOT built within 120 s (SQL answered)${failed.length ? `: ${failed[0]}` : ""}`);
  }
  // Warm every combination once (JIT, connection pool, and, with the cache on, the cache).
  for (const qs of SEARCH_MIX) {
    const res = await fetch(`${base}/api/trials?${qs}`);
    if (!res.ok) throw new Error(`${qs}: HTTP ${res.status} ${await res.text()}`);
  }
  // Which path answers: Next.js adds its router's names to Vary, the fast lane does not.
  const probe = await fetch(`${base}/api/trials?${SEARCH_MIX[0]}`);
  await probe.arrayBuffer();
  const lane = (probe.headers.get("vary") ?? "").includes("rsc") ? "answered through Next.js" : "answered by the fast lane";
  const times: number[] = [];
  let i = 0;
  const meter = await cpuMeter(web, dbUrl);
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [{ method: "GET", setupRequest: (req: object) => ({ ...req, path: `/api/trials?${SEARCH_MIX[i++ % SEARCH_MIX.length]}` }) }],
  });
  instance.on("response", (_c, _s, _b, ms) => times.push(ms));
  const result = await instance;
  const cpu = await meter();
  times.sort((a, b) => a - b);
  return {
    p50: r1(percentile(times, 50)),
    p95: r1(percentile(times, 95)),
    p99: r1(percentile(times, 99)),
    rps: result.requests.total / result.duration,
    total: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
    /** CPU milliseconds per request: the web server's, Postgres'. */
    cpu: `CPU per request: server ${r1((cpu.server * 1000) / result.requests.total)} ms, Postgres ${r1((cpu.pg * 1000) / result.requests.total)} ms`,
    lane,
    ...(opts.index ? { answered: indexAnswered(web) } : {}),
  };
}

async function floor(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: { qs: string; facetsMs: number; pageMs: number }[] = [];
  for (const qs of SEARCH_MIX) {
    const { filters } = parseSearch(new URLSearchParams(qs));
    const place = filters.near ? PLACES[filters.near]! : null;
    const fq = facetsSql(filters, place);
    const pq = pageSql(filters, place, { limit: 20, offset: (filters.page - 1) * 20 });
    const time = async (sql: string, params: unknown[]) => {
      const t: number[] = [];
      for (let k = 0; k < 7; k++) {
        const t0 = performance.now();
        await client.query(sql, params);
        t.push(performance.now() - t0);
      }
      return t.sort((a, b) => a - b)[3]!;
    };
    out.push({ qs, facetsMs: await time(fq.sql, fq.params), pageMs: await time(pq.sql, pq.params) });
  }
  await client.end();
  return out;
}

async function firstLoadJs(base: string) {
  const html = await (await fetch(`${base}/trials`)).text();
  // Every script the page loads in a modern browser (the noModule polyfills are for old ones only).
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((t) => !/nomodule/i.test(t));
  const srcs = [...new Set(tags.map((t) => /src="([^"]+\.js[^"]*)"/.exec(t)?.[1]).filter((s): s is string => !!s))];
  let gz = 0;
  let raw = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.length, kbGzip: r1(gz / 1024), kbRaw: r1(raw / 1024) };
}

async function lighthouse(base: string) {
  const chrome = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chrome)) return { error: `no Chromium at ${chrome}` };
  const out = path.join(os.tmpdir(), `dtf-lh-${process.pid}.json`);
  try {
    await promisify(execFile)(
      process.execPath,
      [
        "node_modules/lighthouse/cli/index.js",
        `${base}/trials`,
        `--chrome-path=${chrome}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
      ],
      { timeout: 180_000, env: { ...process.env, CHROME_PATH: chrome } },
    );
    const report = JSON.parse(readFileSync(out, "utf8")) as { categories: Record<string, { score: number }> };
    return { performance: Math.round(report.categories.performance!.score * 100), accessibility: Math.round(report.categories.accessibility!.score * 100) };
  } catch (err) {
    return { error: (err as Error).message.split("\n")[0] };
  }
}

v8.setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heldBytes = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Builds the index in this process at the current size: time, memory held, and its query time over the mix. */
async function indexFigures(prisma: Parameters<typeof buildSearchIndex>[0], size: number) {
  const before = heldBytes();
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { index, stats } = await buildSearchIndex(prisma);
  const ms = performance.now() - t0;
  const buildCpu = cpuMs(process.cpuUsage(c0));
  const held = heldBytes() - before;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 5; round++)
    for (const qs of SEARCH_MIX) {
      const { filters } = parseSearch(new URLSearchParams(qs));
      if (filters.q) continue; // text matching is Postgres' (timed with the server)
      const place = filters.near ? PLACES[filters.near]! : null;
      const q0 = performance.now();
      const u0 = process.cpuUsage();
      index.search(filters, place, null);
      cpu.push(cpuMs(process.cpuUsage(u0)));
      times.push(performance.now() - q0);
    }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `index at ${size} (${stats.trials} trials, ${stats.sites} sites): build ${Math.round(ms)} ms (this process's CPU ${Math.round(buildCpu)} ms, Postgres' not counted), held ${r1(held / 2 ** 20)} MB (estimate ${r1(stats.approxBytes / 2 ** 20)} MB); in-memory search p50 ${r1(percentile(times, 50))} ms, p95 ${r1(percentile(times, 95))} ms (CPU p50 ${r1(percentile(cpu, 50))} ms, p95 ${r1(percentile(cpu, 95))} ms)`,
  );
  return index;
}

async function main() {
  const database = await createTestDatabase();
  const standin = await startStandin({ port: 0 });
  const servers: WebApp[] = [];
  try {
    const t0 = performance.now();
    const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full", 500);
    if (outcome.status !== "succeeded") throw new Error(`seed sync failed: ${outcome.error}`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let grown = { trials: 0, sites: 0, templates: 0, places: 0 };
    for (const size of INDEX_SIZES) {
      grown = await growToSynthetic(client, size);
      // Autovacuum and analyze of the rows just written run for seconds on the same two cores.
      await settle(database.url, `the build at ${size}`);
      await indexFigures(database.prisma, size);
    }
    await client.end();
    console.log(`data: ${grown.trials} trials, ${grown.sites} sites (${grown.templates} real templates over ${grown.places} real places) on ${database.kind} in ${r1((performance.now() - t0) / 1000)} s`);

    // No map tiles: Lighthouse must not wait on a tile server this machine cannot reach.
    // LOG_LEVEL=debug: the benchmark reads "search index built" and any fallback to SQL from the log.
    const web = (env: Record<string, string>, nodeArgs: string[] = []) =>
      startWeb({ databaseUrl: database.url, env: { MAP_TILE_URL: "", LOG_LEVEL: "debug", ...env }, nodeArgs }).then((w) => (servers.push(w), w));
    if (WITH_SQL) {
      const sqlOnly = await web({ SEARCH_CACHE: "off", SEARCH_INDEX: "off" });
      await settle(database.url, "the SQL-only run");
      const r = await load(sqlOnly, database.url, { index: false });
      await sqlOnly.stop();
      console.log(`SQL only (SEARCH_CACHE=off SEARCH_INDEX=off): p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r1(r.rps)} req/s, ${r.total} requests, ${r.bad} failed; ${r.cpu}`);
    }
    if (WITH_NEXT) {
      const viaNext = await web({ SEARCH_CACHE: "off", FAST_LANE: "off" });
      await settle(database.url, "the uncached run through Next.js");
      const r = await load(viaNext, database.url, { index: true });
      await viaNext.stop();
      console.log(`uncached through Next.js (SEARCH_CACHE=off FAST_LANE=off): p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r1(r.rps)} req/s, ${r.total} requests, ${r.bad} failed; ${r.cpu}; ${r.lane}; ${r.answered}`);
    }
    const cold = await web({ SEARCH_CACHE: "off" }, PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE}`] : []);
    await settle(database.url, "the uncached run");
    const uncached = await load(cold, database.url, { index: true });
    await cold.stop();
    console.log(`uncached (SEARCH_CACHE=off, in-memory index): p50 ${uncached.p50} ms, p95 ${uncached.p95} ms, p99 ${uncached.p99} ms, ${r1(uncached.rps)} req/s, ${uncached.total} requests, ${uncached.bad} failed; ${uncached.cpu}; ${uncached.lane}; ${uncached.answered}`);

    const warm = await web({});
    // The uncached run's last queries go on in Postgres after its server is gone.
    await settle(database.url, "the cached run");
    const cached = await load(warm, database.url, { index: true });
    console.log(`cached (production settings): p50 ${cached.p50} ms, p95 ${cached.p95} ms, p99 ${cached.p99} ms, ${r1(cached.rps)} req/s, ${cached.total} requests, ${cached.bad} failed; ${cached.cpu}; ${cached.lane}; ${cached.answered}`);

    const sql = await floor(database.url);
    const slowest = sql.reduce((a, b) => (Math.max(b.facetsMs, b.pageMs) > Math.max(a.facetsMs, a.pageMs) ? b : a));
    const floorMs = r1(Math.max(slowest.facetsMs, slowest.pageMs));
    console.log("SQL per combination (median of 7; facets+total statement / page statement):");
    for (const s of sql) console.log(`  ${(s.qs || "(defaults)").padEnd(62)} ${r1(s.facetsMs).toString().padStart(7)} ms ${r1(s.pageMs).toString().padStart(7)} ms`);
    console.log(`floor: slowest single statement ${floorMs} ms (${slowest.qs || "(defaults)"})`);

    const js = await firstLoadJs(warm.url);
    console.log(`first-load JS of /trials: ${js.kbGzip} KB gzipped (${js.kbRaw} KB raw, ${js.files} files)`);
    if (LIGHTHOUSE) {
      const lh = await lighthouse(warm.url);
      console.log("error" in lh ? `lighthouse: could not run: ${lh.error}` : `lighthouse /trials: performance ${lh.performance}, accessibility ${lh.accessibility}`);
    }
    await warm.stop();
    console.log(`uncached/cached throughput: ${(uncached.rps / cached.rps).toFixed(2)} (target ≥ 0.25)`);
    console.log(`bench:search uncached p95 ${uncached.p95} ms, ${Math.round(uncached.rps)} req/s; cached p95 ${cached.p95} ms, ${Math.round(cached.rps)} req/s; n ${grown.trials}`);
  } finally {
    await Promise.all(servers.map((w) => w.stop()));
    await standin.close();
    await database.drop();
  }
}

await main();
process.exit(0);
