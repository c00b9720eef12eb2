/**
 * npm run bench:sync -- --n 20000
 * Ingests N studies (synthetic copies of real records) from the stand-in, with no added latency,
 * into a fresh database through the real sync; then, in the same run, COPYs the same raw JSON
 * (fetched the same way) into a one-column table as the floor. Prints studies/s, peak RSS and the ratio.
 *
 * npm run bench:sync -- --n 20000 --history-overhead [--pairs 2] [--warmup 2000]
 * What recording changes (lib/changes: trial_change, trial_change_head, removal history, alert
 * digests) costs the sync. Runs with history on (A) and off (B, the sync's bench-only switch)
 * alternate, A B A B …, each on a fresh database and stand-in: a first full sync of N studies (every
 * one `added`), then half of the stored copies get another overall status (as if the previous
 * sync had seen it), the stand-in moves to the next revision of every synthetic record, and a
 * second full sync rewrites all N: every changed study is compared with its stored copy, and half
 * of them record a status change. Prints each run's times with the load average, then the overhead.
 * First, one small run each way (--warmup studies, 0 for none) that is printed but not counted: the
 * process's very first sync also pays for loading and compiling the code, which would otherwise fall
 * on the first A run only.
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { topicQueryParams } from "../../lib/ctgov/topic";
import { CtgovClient } from "../../lib/ctgov/service";
import { startSync } from "../../lib/sync/start";
import { createTestDatabase } from "../integration/helpers/db";
import os from "node:os";
import { positiveArg } from "./args";
import { rssSampler, spawnStandin } from "./bench-db";
import { postgresCpuMeter } from "./cpu";

export async function runSyncBench(n: number) {
  const standin = await spawnStandin(["--synthetic", String(n), "--data", "tests/fixtures/ctgov/studies"]);
  const database = await createTestDatabase();
  try {
    const client = new CtgovClient({ baseUrl: standin.url, rateLimitPerMin: 1_000_000, timeoutMs: 120_000, backoffBaseMs: 50 });
    const params = topicQueryParams();
    // The topic query selects the N synthetic studies plus the ~250 real ones they were made from.
    const total = (await client.studiesPage(new URLSearchParams({ ...Object.fromEntries(params), pageSize: "1", countTotal: "true", format: "json" }), null)).totalCount;

    const rss = rssSampler();
    const t0 = performance.now();
    const started = await startSync({ prisma: database.prisma, mode: "full", trigger: "cli", client, params, pageSize: 1000 });
    if (!started.ok) throw new Error("could not claim the run");
    const outcome = await started.done;
    const ingestSecs = (performance.now() - t0) / 1000;
    const peakMb = rss.stop();
    if (outcome.status !== "succeeded") throw new Error(`sync failed: ${outcome.error}`);
    const ingested = outcome.progress.counts.fetched;

    // The floor: the same raw JSON, fetched the same way, COPYed into one jsonb column.
    const pgc = new pg.Client({ connectionString: database.url });
    await pgc.connect();
    await pgc.query("CREATE TABLE raw_copy (doc jsonb)");
    const t1 = performance.now();
    let copied = 0;
    const pages = client.pages(new URLSearchParams({ ...Object.fromEntries(params), pageSize: "1000", format: "json" }));
    async function* lines() {
      for await (const page of pages) {
        for (const s of page.studies) {
          copied++;
          // COPY text format: backslashes and the row/column separators must be escaped.
          yield `${JSON.stringify(s).replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t")}\n`;
        }
      }
    }
    await pipeline(Readable.from(lines()), pgc.query(copyFrom("COPY raw_copy (doc) FROM STDIN")));
    const copySecs = (performance.now() - t1) / 1000;
    await pgc.end();

    const ingestRate = ingested / ingestSecs;
    const copyRate = copied / copySecs;
    return { timing: outcome.timing, n, total, ingested, copied, ingestSecs, copySecs, ingestRate, copyRate, ratio: ingestRate / copyRate, peakMb, db: database.kind };
  } finally {
    standin.stop();
    await database.drop();
  }
}

const loadAvg = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

/** One full sync: its wall time, and the CPU it cost this process and Postgres (less moved by the machine's other load than wall time). */
async function timedSync(database: { prisma: Parameters<typeof startSync>[0]["prisma"]; url: string }, client: CtgovClient, params: URLSearchParams, record: boolean) {
  const pgMeter = await postgresCpuMeter(database.url);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const started = await startSync({ prisma: database.prisma, mode: "full", trigger: "cli", client, params, pageSize: 1000, benchOnlySkipChangeRecording: !record });
  if (!started.ok) throw new Error("could not claim the run");
  const outcome = await started.done;
  if (outcome.status !== "succeeded") throw new Error(`sync failed: ${outcome.error}`);
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { secs, nodeCpu: (cpu.user + cpu.system) / 1e6, pgCpu: await pgMeter(), counts: outcome.progress.counts };
}

/** One run of the history comparison: a first full sync, then a second one over N changed records (see the header). */
export async function runHistoryRun(n: number, record: boolean) {
  const standin = await spawnStandin(["--synthetic", String(n), "--data", "tests/fixtures/ctgov/studies"]);
  const database = await createTestDatabase();
  try {
    const client = new CtgovClient({ baseUrl: standin.url, rateLimitPerMin: 1_000_000, timeoutMs: 120_000, backoffBaseMs: 50 });
    const params = topicQueryParams();
    const loadBefore = loadAvg();
    const first = await timedSync(database, client, params, record);
    // Half the stored copies carry another status, so the next sync finds a change to record in them.
    // Their stored fingerprint of the compared fields must say so too (a sync that had stored that
    // status would have stored its fingerprint): any other value sends them to the full comparison.
    const flipped = await database.prisma.$executeRawUnsafe(
      `UPDATE trial SET raw = jsonb_set(raw, '{protocolSection,statusModule,overallStatus}', '"NOT_YET_RECRUITING"'), watched_hash = 'flipped'
       WHERE nct_id LIKE 'NCT9%' AND abs(hashtext(nct_id)) % 2 = 0 AND raw #>> '{protocolSection,statusModule,overallStatus}' <> 'NOT_YET_RECRUITING'`,
    );
    const res = await fetch(new URL("/__control/synthetic", standin.url), { method: "POST", body: JSON.stringify({ revision: 1 }) });
    if (!res.ok) throw new Error(`stand-in refused the revision: ${res.status} ${await res.text()}`);
    const second = await timedSync(database, client, params, record);
    const [{ changes }] = (await database.prisma.$queryRawUnsafe<{ changes: number }[]>(`SELECT count(*)::int AS changes FROM trial_change`)) as [{ changes: number }];
    return { record, first: first.secs, second: second.secs, firstCpu: first.nodeCpu + first.pgCpu, secondCpu: second.nodeCpu + second.pgCpu, secondNode: second.nodeCpu, secondPg: second.pgCpu, updated: second.counts.updated, flipped, changes, loadBefore, loadAfter: loadAvg() };
  } finally {
    standin.stop();
    await database.drop();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function historyOverhead(n: number, pairs: number, warmup: number) {
  if (warmup > 0) {
    for (const record of [true, false]) {
      const r = await runHistoryRun(warmup, record);
      console.log(`warm-up (not counted), history ${record ? "on " : "off"}, n ${warmup}: CPU ${r.firstCpu.toFixed(2)} s + ${r.secondCpu.toFixed(2)} s`);
    }
  }
  const runs: Awaited<ReturnType<typeof runHistoryRun>>[] = [];
  for (let p = 0; p < pairs; p++) {
    for (const record of [true, false]) {
      const r = await runHistoryRun(n, record);
      runs.push(r);
      console.log(
        `history ${record ? "on " : "off"}: first sync ${r.first.toFixed(2)} s (CPU ${r.firstCpu.toFixed(2)} s), second sync ${r.second.toFixed(2)} s (CPU ${r.secondCpu.toFixed(2)} s: Node ${r.secondNode.toFixed(2)}, Postgres ${r.secondPg.toFixed(2)}; ${r.updated} rewritten, ${r.flipped} with a status to record), ${r.changes} trial_change rows; load average before ${r.loadBefore}, after ${r.loadAfter}`,
      );
    }
  }
  const on = runs.filter((r) => r.record);
  const off = runs.filter((r) => !r.record);
  const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)}%`;
  const m = (rs: typeof runs, k: "first" | "second" | "firstCpu" | "secondCpu") => median(rs.map((r) => r[k]));
  const both = (rs: typeof runs) => median(rs.map((r) => r.first + r.second));
  console.log(
    `medians of ${pairs} pairs (on / off): first sync ${m(on, "first").toFixed(2)} / ${m(off, "first").toFixed(2)} s (CPU ${m(on, "firstCpu").toFixed(2)} / ${m(off, "firstCpu").toFixed(2)} s), second sync ${m(on, "second").toFixed(2)} / ${m(off, "second").toFixed(2)} s (CPU ${m(on, "secondCpu").toFixed(2)} / ${m(off, "secondCpu").toFixed(2)} s)`,
  );
  console.log(
    `bench:sync history overhead: first sync ${pct(m(on, "first"), m(off, "first"))} (CPU ${pct(m(on, "firstCpu"), m(off, "firstCpu"))}), second sync (N changed) ${pct(m(on, "second"), m(off, "second"))} (CPU ${pct(m(on, "secondCpu"), m(off, "secondCpu"))}), both ${pct(both(on), both(off))}; n ${n}, ${pairs} ABAB pairs, load average now ${loadAvg()}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.LOG_LEVEL ??= "warn";
  const n = positiveArg("--n", 20_000, { whole: true });
  if (process.argv.includes("--history-overhead")) {
    await historyOverhead(n, positiveArg("--pairs", 2, { whole: true }), positiveArg("--warmup", 2000, { whole: true, zero: true }));
    process.exit(0);
  }
  const r = await runSyncBench(n);
  console.log(`time spent: waiting for pages ${(r.timing.waitFetchMs / 1000).toFixed(2)} s, preparing ${(r.timing.prepareMs / 1000).toFixed(2)} s, waiting for writes ${(r.timing.waitWriteMs / 1000).toFixed(2)} s`);
  console.log(`database: ${r.db}; studies served: ${r.total}; ingested ${r.ingested} in ${r.ingestSecs.toFixed(2)} s; COPY of ${r.copied} raw records in ${r.copySecs.toFixed(2)} s`);
  console.log(`bench:sync ${Math.round(r.ingestRate)} studies/s, copy ${Math.round(r.copyRate)} studies/s, ratio ${r.ratio.toFixed(2)}, peak ${r.peakMb} MB`);
  process.exit(0);
}
