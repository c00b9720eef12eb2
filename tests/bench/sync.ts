/**
 * npm run bench:sync -- --n 20000
 * Ingests N studies (synthetic copies of real records) from the stand-in, with no added latency,
 * into a fresh database through the real sync; then, in the same run, COPYs the same raw JSON
 * (fetched the same way) into a one-column table as the floor. Prints studies/s, peak RSS and the ratio.
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { topicQueryParams } from "../../lib/ctgov/topic";
import { CtgovClient } from "../../lib/ctgov/service";
import { startSync } from "../../lib/sync/start";
import { createTestDatabase } from "../integration/helpers/db";
import { positiveArg } from "./args";
import { rssSampler, spawnStandin } from "./bench-db";

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

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.LOG_LEVEL ??= "warn";
  const n = positiveArg("--n", 20_000, { whole: true });
  const r = await runSyncBench(n);
  console.log(`time spent: waiting for pages ${(r.timing.waitFetchMs / 1000).toFixed(2)} s, preparing ${(r.timing.prepareMs / 1000).toFixed(2)} s, waiting for writes ${(r.timing.waitWriteMs / 1000).toFixed(2)} s`);
  console.log(`database: ${r.db}; studies served: ${r.total}; ingested ${r.ingested} in ${r.ingestSecs.toFixed(2)} s; COPY of ${r.copied} raw records in ${r.copySecs.toFixed(2)} s`);
  console.log(`bench:sync ${Math.round(r.ingestRate)} studies/s, copy ${Math.round(r.copyRate)} studies/s, ratio ${r.ratio.toFixed(2)}, peak ${r.peakMb} MB`);
  process.exit(0);
}
