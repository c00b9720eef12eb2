import type { ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logger } from "../../lib/logger";
import type { Standin } from "../ctgov-standin/server";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "../integration/helpers/db";
import { spawnTsx, stopAllProcs } from "../integration/helpers/procs";
import { childRowMismatches, standinClient } from "../integration/helpers/sync";
import { describeDifference, normalisedDump } from "./helpers/dump";
import { prng } from "./helpers/prng";
import { ledgerProblems, syncWith } from "./helpers/sync-faults";

// Crash (docs/reliability.md): `npm run sync` killed with SIGKILL at random points, run after run,
// against one database. After every kill the committed data must be whole (no half-written page, no
// duplicate, counters equal to rows); after a final clean run the database must equal a clean run's.
// Modes, page sizes and kill points come from a seeded generator: CHAOS_SEED=<seed> makes the same
// choices again (the timing of the processes themselves still varies).

logger.level = "fatal";

const ITERATIONS = 20;
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 2 ** 31);
const PAGE_SIZES = [20, 50, 100];


/**
 * How a kill is aimed: `start-up` while the process starts (migration check, claim), `first-page`
 * just after it claimed its run (usually before its first page is written), `anytime` anywhere in
 * the run, `in-transaction` the moment its connection is seen writing a page or finishing the run.
 */
type Aim = "start-up" | "first-page" | "anytime" | "in-transaction";
const AIMS: Aim[] = ["start-up", "in-transaction", "first-page", "anytime", "in-transaction"];

/** What the database looked like when the kill landed. */
type Landing = "before its run was claimed" | "before its first page" | "mid-run" | "after it finished";

let standin: Standin;
let reference: TestDatabase;
let target: TestDatabase;
let watcher: pg.Client;

beforeAll(async () => {
  console.log(`crash loop seed ${SEED} (CHAOS_SEED=${SEED} repeats its choices)`);
  standin = await startStandin({ port: 0, synthetic: 300 });
  reference = await createTestDatabase();
  target = await createTestDatabase();
  const clean = await syncWith({ prisma: reference.prisma, client: standinClient(standin.url), mode: "full", pageSize: 100 });
  expect(clean.status).toBe("succeeded");
  // Slow enough that a run spans a few seconds, so kills land in every part of it.
  standin.setFaults({ latencyMs: 40 });
  watcher = new pg.Client({ connectionString: target.url });
  await watcher.connect();
});

afterAll(async () => {
  await stopAllProcs(0);
  await watcher?.end().catch(() => {});
  await standin?.close();
  await reference?.drop().catch(() => {});
  await target?.drop().catch(() => {});
});

function startSyncProcess(mode: "full" | "incremental", pageSize: number) {
  const proc = spawnTsx("sync", "jobs/sync.ts", [`--${mode}`], {
    DATABASE_URL: target.url,
    CTGOV_BASE_URL: standin.url,
    CTGOV_PAGE_SIZE: String(pageSize),
    CTGOV_RATE_LIMIT_PER_MIN: "6000",
    LOG_LEVEL: "warn",
  });
  return { child: proc.child, exited: proc.exited, output: () => proc.output().slice(-4_000) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The statement of a page write or a run's finish, while the sync's connection is inside that transaction; else null. */
async function writeInProgress(): Promise<{ query: string; xact: string } | null> {
  const { rows } = await watcher.query<{ query: string; xact: string }>(
    `SELECT query, xact_start::text AS xact FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
        AND state IN ('active', 'idle in transaction') AND xact_start IS NOT NULL
        AND query ~ '^(SELECT nct_id, raw_hash|DELETE FROM (intervention|arm_group|site) |INSERT INTO (trial|intervention|arm_group|site|sync_run_seen|invalid_record) |UPDATE sync_run SET (fetched|status)|UPDATE trial SET removed_at|SELECT count\\(\\*\\)::int AS seen)'
      LIMIT 1`,
  );
  return rows[0] ?? null;
}

async function runClaimedAfter(lastRunId: number): Promise<boolean> {
  const { rows } = await watcher.query(`SELECT 1 FROM sync_run WHERE id > $1`, [lastRunId]);
  return rows.length > 0;
}

/** Waits as the aim says, then kills. Resolves with the statement in flight when the aim was a write transaction. */
async function aimAndKill(child: ChildProcess, exited: Promise<unknown>, aim: Aim, lastRunId: number, random: () => number): Promise<string | null> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 30_000;
  let seen: string | null = null;
  if (aim === "start-up") await sleep(100 + random() * 1_900);
  else if (aim === "first-page" || aim === "anytime") {
    while (!done && Date.now() < deadline && !(await runClaimedAfter(lastRunId))) await sleep(10);
    await sleep(aim === "first-page" ? random() * 300 : random() * 2_000);
  } else {
    // Let a few write transactions pass first, so the kill is not always in the first page.
    const skip = Math.floor(random() * 8);
    const passed = new Set<string>();
    while (!done && Date.now() < deadline) {
      const write = await writeInProgress();
      if (write) passed.add(write.xact);
      if (write && passed.size > skip) {
        seen = write.query;
        break;
      }
    }
  }
  if (!done) child.kill("SIGKILL");
  return seen;
}

describe("sync killed with SIGKILL at random points", () => {
  it(`after ${ITERATIONS} kills and one clean run, the database equals a clean run's`, async () => {
    const random = prng(SEED).next;
    const started = Date.now();
    const tally = new Map<string, number>();
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    let inTransactionKills = 0;

    for (let i = 0; i < ITERATIONS; i++) {
      const mode = random() < 0.5 ? "full" : "incremental";
      const pageSize = PAGE_SIZES[Math.floor(random() * PAGE_SIZES.length)]!;
      const aim = AIMS[i % AIMS.length]!;
      const lastRunBefore = (await target.prisma.syncRun.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
      const { child, exited, output } = startSyncProcess(mode, pageSize);
      const seen = await aimAndKill(child, exited, aim, lastRunBefore, random);
      const { code, signal } = await exited;
      const context = `seed ${SEED}, iteration ${i} (${mode}, pages of ${pageSize}, aim ${aim}${seen ? `, killed during: ${seen.slice(0, 60)}` : ""})\n${output()}`;

      const run = await target.prisma.syncRun.findFirst({ where: { id: { gt: lastRunBefore } }, orderBy: { id: "desc" } });
      let landing: Landing;
      if (signal !== "SIGKILL") {
        expect(code, `the sync ended by itself but not successfully: ${context}`).toBe(0);
        landing = "after it finished";
      } else if (!run) landing = "before its run was claimed";
      else if (run.status === "succeeded") landing = "after it finished"; // killed on its way out
      else {
        expect(run.status, context).toBe("running"); // nobody got to record an end
        landing = run.pagesDone === 0 ? "before its first page" : "mid-run";
      }
      count(landing);
      if (seen && signal === "SIGKILL") {
        inTransactionKills++;
        count(`during: ${seen.split(/[\s(]/).slice(0, 3).join(" ")}`);
      }

      // Whatever was committed is whole: child rows match each trial's record, counters match rows.
      expect(await childRowMismatches(target.prisma), context).toEqual([]);
      expect(await ledgerProblems(target.prisma), context).toEqual([]);
    }

    // Every killed run was found dead by the next claimer; none is left running after the last one.
    const final = await syncWith({ prisma: target.prisma, client: standinClient(standin.url), mode: "full", pageSize: 100 });
    expect(final.status).toBe("succeeded");
    const runs = await target.prisma.syncRun.groupBy({ by: ["status"], _count: true });
    const byStatus = Object.fromEntries(runs.map((r) => [r.status, r._count]));
    expect(byStatus.running ?? 0).toBe(0);
    expect(byStatus.failed ?? 0).toBe(0);
    const abandoned = await target.prisma.syncRun.findMany({ where: { status: "abandoned" }, select: { error: true } });
    for (const a of abandoned) expect(a.error).toMatch(/stopped without finishing/);

    const [want, got] = [await normalisedDump(reference.url), await normalisedDump(target.url)];
    expect(got.digest, `seed ${SEED}: ${describeDifference(want, got)}`).toBe(want.digest);
    expect(await childRowMismatches(target.prisma)).toEqual([]);
    expect(await ledgerProblems(target.prisma)).toEqual([]);

    console.log(
      `crash loop seed ${SEED}: ${ITERATIONS} kills in ${Math.round((Date.now() - started) / 1000)} s; runs ${JSON.stringify(byStatus)}; landings ${JSON.stringify(Object.fromEntries(tally))}`,
    );
    // The aims did reach the parts of a run that matter.
    expect(inTransactionKills, `seed ${SEED}: no kill landed inside a write transaction`).toBeGreaterThan(0);
    expect((tally.get("before its first page") ?? 0) + (tally.get("before its run was claimed") ?? 0), `seed ${SEED}: no kill before the first page`).toBeGreaterThan(0);
    expect(tally.get("mid-run") ?? 0, `seed ${SEED}: no kill mid-run`).toBeGreaterThan(0);
  });
});
