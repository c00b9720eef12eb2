/**
 * npm run bench:feed [-- --n 100000 --duration 20 --connections 20]
 * The Atom feed (SPEC §10) under repeated polling: a fresh database filled by a real sync from the
 * stand-in and grown to N trials (tests/bench/search-data.ts), every trial given an `added` change
 * and one in five a later status change (spread over 90 days), then `next start` of the production
 * build and autocannon with 20 concurrent clients polling broad searches' feeds, once plainly (a
 * full 200 every time) and once as feed readers do (If-None-Match → 304). Also the SQL behind one
 * feed timed directly: what a poll costs when the cache is cold (first poll after a sync).
 */
import { createRequire } from "node:module";
import pg from "pg";
import { parseSearch } from "../../lib/search/schema";
import { newestChangesSql } from "../../lib/search/sql";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { standinClient, syncOnce } from "../integration/helpers/sync";
import { startWeb } from "../chaos/helpers/web";
import { growToSynthetic } from "./search-data";
import { percentile, r1 } from "./stats";

type AutocannonResult = { requests: { total: number }; non2xx: number; errors: number; timeouts: number; duration: number };
type AutocannonInstance = PromiseLike<AutocannonResult> & { on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: Record<string, unknown>) => AutocannonInstance;

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const N = Number(arg("n", "100000"));
const DURATION = Number(arg("duration", "20"));
const CONNECTIONS = Number(arg("connections", "20"));

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

async function poll(base: string, conditional: boolean) {
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
  times.sort((a, b) => a - b);
  return {
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

    const web = await startWeb({ databaseUrl: database.url, env: { MAP_TILE_URL: "" } });
    try {
      const plain = await poll(web.url, false);
      console.log(`polling, full body each time: p50 ${plain.p50} ms, p95 ${plain.p95} ms, p99 ${plain.p99} ms, ${plain.rps} req/s, statuses ${JSON.stringify(plain.statuses)}, ${plain.bad} bad`);
      const conditional = await poll(web.url, true);
      console.log(`polling with If-None-Match: p50 ${conditional.p50} ms, p95 ${conditional.p95} ms, p99 ${conditional.p99} ms, ${conditional.rps} req/s, statuses ${JSON.stringify(conditional.statuses)}, ${conditional.bad} bad`);
      console.log(`bench:feed p95 ${plain.p95} ms (full body), ${conditional.p95} ms (304), ${CONNECTIONS} clients, ${grown.trials} trials, cold SQL ≤ ${Math.max(...floor.map((f) => f.ms))} ms`);
    } finally {
      await web.stop();
    }
  } finally {
    await standin.close();
    await database.drop();
  }
}

await main();
process.exit(0);
