/**
 * npm run bench:feed [-- --n 100000 --duration 20 --connections 20 --profile <dir>]
 * The Atom feed (SPEC §10) under repeated polling: a fresh database filled by a real sync from the
 * stand-in and grown to N trials (tests/bench/search-data.ts), every trial given an `added` change
 * and one in five a later status change (spread over 90 days), then `next start` of the production
 * build and autocannon with 20 concurrent clients polling broad searches' feeds, once plainly (a
 * full 200 every time) and once as feed readers do (If-None-Match → 304), each with the CPU it cost
 * per request (server, Postgres); then a server with SEARCH_CACHE=off, where every poll builds its
 * feed from the search index (what the first poll after a sync costs). The benchmark waits for the
 * server's index (its "search index built" log line). Also the SQL behind one feed timed directly
 * (the path without the index).
 */
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { parseSearch } from "../../lib/search/schema";
import { newestChangesSql } from "../../lib/search/sql";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { standinClient, syncOnce } from "../integration/helpers/sync";
import { startWeb, type WebApp } from "../chaos/helpers/web";
import { positiveArg } from "./args";
import { cpuMeter } from "./cpu";
import { growToSynthetic } from "./search-data";
import { percentile, r1 } from "./stats";

type AutocannonResult = { requests: { total: number }; non2xx: number; errors: number; timeouts: number; duration: number };
type AutocannonInstance = PromiseLike<AutocannonResult> & { on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Record<string, unknown>) => AutocannonInstance;

const N = positiveArg("--n", 100_000, { whole: true });
const DURATION = positiveArg("--duration", 20);
const CONNECTIONS = positiveArg("--connections", 20, { whole: true });
/** Writes a CPU profile of the server answering the full-body and 304 polls into this directory (node --cpu-prof). */
const profileAt = process.argv.indexOf("--profile");
const PROFILE = profileAt > 0 ? path.resolve(process.argv[profileAt + 1] && !process.argv[profileAt + 1]!.startsWith("--") ? process.argv[profileAt + 1]! : "bench-profile") : null;

/** Broad searches a follower would subscribe to. */
const FEEDS = ["status=any", "", "therapy=cell-therapy,prp,acellular-biologic,other&status=any", "phase=2&status=any", "country=United+States"];

async function seedHistory(client: pg.Client) {
  await client.query(`INSERT INTO trial_change (nct_id, run_id, seen_at, fields)
    SELECT nct_id, NULL, now() - ((abs(hashtext(nct_id)) % 90) || ' days')::interval - interval '1 day', '[{"field":"added","from":null,"to":null}]'::jsonb
    FROM trial t WHERE NOT EXISTS (SELECT 1 FROM trial_change c WHERE c.nct_id = t.nct_id)`);
  await client.query(`INSERT INTO trial_change (nct_id, run_id, seen_at, fields)
    SELECT nct_id, NULL, now() - ((abs(hashtext(nct_id || 'x')) % 30) || ' hours')::interval,
      '[{"field":"status","from":"Not yet recruiting","to":"Recruiting"},{"field":"sites","from":null,"to":"2 sites added: Boston, Denver"}]'::jsonb
    FROM trial WHERE abs(hashtext(nct_id)) % 5 = 0`);
  await client.query(`INSERT INTO trial_change_head (nct_id, change_id, seen_at)
    SELECT DISTINCT ON (nct_id) nct_id, id, seen_at FROM trial_change ORDER BY nct_id, id DESC
    ON CONFLICT (nct_id) DO UPDATE SET change_id = EXCLUDED.change_id, seen_at = EXCLUDED.seen_at`);
  await client.query(`ANALYZE trial_change; ANALYZE trial_change_head`);
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM trial_change`);
  return rows[0]!.n;
}

/** Waits (≤ 120 s) until the server logged its search index built (each poll is a feed, which starts the build). */
async function indexBuilt(web: WebApp): Promise<string> {
  const t0 = performance.now();
  while (performance.now() - t0 < 120_000) {
    const line = web.output().split("\n").find((l) => l.includes('"msg":"search index built"'));
    if (line) {
      const j = JSON.parse(line.slice(line.indexOf("{"))) as { ms: number; trials: number };
      return `server's index: ${j.trials} trials built in ${j.ms} ms`;
    }
    await fetch(`${web.url}/api/trials.atom?status=any`).then((r) => r.arrayBuffer(), () => {});
    await new Promise((r) => setTimeout(r, 250));
  }
  const failed = web.output().split("\n").find((l) => l.includes("search index build failed"));
  return `server's index: NOT built within 120 s (SQL answered)${failed ? `: ${failed}` : ""}`;
}

/** Whether anything fell back to SQL after the index was built (fallbacks are logged at debug or warn). */
function fallbacks(web: WebApp): number {
  const out = web.output();
  const at = out.indexOf('"msg":"search index built"');
  return at < 0 ? -1 : out.slice(at).split("\n").filter((l) => l.includes("SQL answers")).length;
}

async function poll(web: WebApp, dbUrl: string, conditional: boolean) {
  const base = web.url;
  const etags = new Map<string, string>();
  for (const qs of FEEDS) {
    const res = await fetch(`${base}/api/trials.atom?${qs}`);
    if (!res.ok) throw new Error(`${qs}: HTTP ${res.status} ${await res.text()}`);
    etags.set(qs, res.headers.get("etag")!);
    await res.arrayBuffer();
  }
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let i = 0;
  const meter = await cpuMeter(web, dbUrl);
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: "GET",
        setupRequest: (req: { headers?: Record<string, string> }) => {
          const qs = FEEDS[i++ % FEEDS.length]!;
          return { ...req, path: `/api/trials.atom?${qs}`, headers: { ...req.headers, ...(conditional ? { "if-none-match": etags.get(qs)! } : {}) } };
        },
      },
    ],
  });
  instance.on("response", (_c, status, _b, ms) => {
    times.push(ms);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await instance;
  const cpu = await meter();
  times.sort((a, b) => a - b);
  return {
    load: os.loadavg().map((l) => l.toFixed(2)).join(", "),
    cpu: `CPU per request: server ${r1((cpu.server * 1000) / result.requests.total)} ms, Postgres ${r1((cpu.pg * 1000) / result.requests.total)} ms`,
    p50: r1(percentile(times, 50)),
    p95: r1(percentile(times, 95)),
    p99: r1(percentile(times, 99)),
    rps: r1(result.requests.total / result.duration),
    statuses: Object.fromEntries(statuses),
    bad: result.errors + result.timeouts + [...statuses].filter(([s]) => s !== 200 && s !== 304).reduce((a, [, n]) => a + n, 0),
  };
}

async function sqlFloor(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const out: { qs: string; ms: number }[] = [];
  for (const qs of FEEDS) {
    const q = newestChangesSql(parseSearch(new URLSearchParams(qs)).filters, null, 50);
    const t: number[] = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      await client.query(q.sql, q.params);
      t.push(performance.now() - t0);
    }
    out.push({ qs, ms: r1(t.sort((a, b) => a - b)[3]!) });
  }
  await client.end();
  return out;
}

async function main() {
  const database = await createTestDatabase();
  const standin = await startStandin({ port: 0 });
  try {
    const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full", 500);
    if (outcome.status !== "succeeded") throw new Error(`seed sync failed: ${outcome.error}`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const grown = await growToSynthetic(client, N);
    const changes = await seedHistory(client);
    await client.end();
    console.log(`data: ${grown.trials} trials, ${changes} recorded changes on ${database.kind}`);

    const floor = await sqlFloor(database.url);
    console.log("SQL behind one feed, cold (median of 7):");
    for (const f of floor) console.log(`  ${(f.qs || "(defaults)").padEnd(62)} ${f.ms.toString().padStart(7)} ms`);

    const web = await startWeb({ databaseUrl: database.url, env: { MAP_TILE_URL: "", LOG_LEVEL: "debug" }, nodeArgs: PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE}`] : [] });
    let plain: Awaited<ReturnType<typeof poll>>;
    let conditional: Awaited<ReturnType<typeof poll>>;
    try {
      console.log(await indexBuilt(web));
      plain = await poll(web, database.url, false);
      console.log(`polling, full body each time: p50 ${plain.p50} ms, p95 ${plain.p95} ms, p99 ${plain.p99} ms, ${plain.rps} req/s, statuses ${JSON.stringify(plain.statuses)}, ${plain.bad} bad; ${plain.cpu}; load average ${plain.load}`);
      conditional = await poll(web, database.url, true);
      console.log(`polling with If-None-Match: p50 ${conditional.p50} ms, p95 ${conditional.p95} ms, p99 ${conditional.p99} ms, ${conditional.rps} req/s, statuses ${JSON.stringify(conditional.statuses)}, ${conditional.bad} bad; ${conditional.cpu}; load average ${conditional.load}`);
    } finally {
      await web.stop();
    }
    const cold = await startWeb({ databaseUrl: database.url, env: { MAP_TILE_URL: "", LOG_LEVEL: "debug", SEARCH_CACHE: "off" } });
    let uncached: Awaited<ReturnType<typeof poll>>;
    try {
      console.log(await indexBuilt(cold));
      uncached = await poll(cold, database.url, false);
      const fb = fallbacks(cold);
      console.log(
        `polling without the result cache (SEARCH_CACHE=off: every poll builds its feed from the index): p50 ${uncached.p50} ms, p95 ${uncached.p95} ms, p99 ${uncached.p99} ms, ${uncached.rps} req/s, statuses ${JSON.stringify(uncached.statuses)}, ${uncached.bad} bad; ${uncached.cpu}; load average ${uncached.load}; ${fb === 0 ? "every feed from the index" : `NOT every feed from the index (${fb} fallbacks)`}`,
      );
    } finally {
      await cold.stop();
    }
    console.log(
      `bench:feed p95 ${plain.p95} ms (full body), ${conditional.p95} ms (304), ${uncached.p95} ms (no result cache), ${CONNECTIONS} clients, ${grown.trials} trials, cold SQL ≤ ${Math.max(...floor.map((f) => f.ms))} ms`,
    );
  } finally {
    await standin.close();
    await database.drop();
  }
}

await main();
process.exit(0);
