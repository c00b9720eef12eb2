import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../lib/db/migrate";
import { startStandin } from "../ctgov-standin/server";
import type { Standin } from "../integration/helpers/sync";
import { type PrivateCluster, startPrivateCluster } from "./helpers/cluster";
import { type RunRow, syncRuns, withAppName } from "./helpers/db-probe";
import { loggedStatements, logStatementsOf, serverLog } from "./helpers/db-statement-log";
import { logLines, spawnTsx, stopAllProcs, waitFor } from "../integration/helpers/procs";
import { startWeb, WEB_ADMIN_TOKEN, type WebApp } from "./helpers/web";

/**
 * Concurrency (docs/reliability.md): the scheduler (jobs/worker.ts, SYNC_CRON firing at second T), an
 * admin (POST /api/admin/sync sent at T) and the CLI (jobs/sync.ts, loaded beforehand and released at
 * T) all ask for a sync in the same second, against one database. Exactly one runs; the other two are
 * refused with its run id. Each round uses a new database and new processes. Left alone the admin
 * wins every time (its web process is warm; the worker and the CLI pay their first query), so the
 * rounds shift the admin request and the CLI release by a few hundred ms to give each process a
 * chance to be first; who wins is reported, not asserted. When each process really tried to claim is
 * read from the database server's statement log.
 */

// Offsets from T of the admin request and of the CLI's release; the scheduler always fires at T.
const ROUNDS = [
  { aim: "no head start", adminMs: 0, cliMs: 0 },
  { aim: "scheduler first", adminMs: 800, cliMs: 800 },
  { aim: "CLI first", adminMs: 300, cliMs: -500 },
];
// Time for the web app, the worker and the CLI to start before T (tsx compiles on start; the machine is shared).
const LEAD_MS = 12_000;
const PAGE_SIZE = 20;
// The run lasts ~12 stand-in requests of this much: seconds, far longer than the claims' spread.
const LATENCY_MS = 400;

const APP = { schedule: "dtf_scheduler", admin: "dtf_admin", cli: "dtf_cli" } as const;
type Trigger = keyof typeof APP;

let cluster: PrivateCluster;
let standin: Standin;
const webs: WebApp[] = [];
const results: string[] = [];

beforeAll(async () => {
  cluster = await startPrivateCluster();
  standin = await startStandin({ port: 0 });
  standin.setFaults({ latencyMs: LATENCY_MS });
});

afterAll(async () => {
  await stopAllProcs();
  await Promise.all(webs.map((w) => w.stop()));
  await standin?.close();
  cluster?.destroy();
  if (results.length) console.log(`[concurrency] summary\n  ${results.join("\n  ")}`);
});

/** node-cron's six fields (second first), in UTC, matching one instant only. */
function cronAt(t: number) {
  const d = new Date(t);
  return `${d.getUTCSeconds()} ${d.getUTCMinutes()} ${d.getUTCHours()} ${d.getUTCDate()} ${d.getUTCMonth() + 1} *`;
}

async function round(n: number, plan: (typeof ROUNDS)[number]) {
  const database = `round_${n}`;
  const url = await cluster.createDatabase(database);
  await applyMigrations(url);
  await logStatementsOf(cluster.adminUrl, database);

  const T = Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000;
  const ctgov = { CTGOV_BASE_URL: standin.url, CTGOV_PAGE_SIZE: String(PAGE_SIZE), CTGOV_RATE_LIMIT_PER_MIN: "6000", CTGOV_TIMEOUT_MS: "10000" };
  const worker = spawnTsx("worker", "jobs/worker.ts", [], {
    ...ctgov,
    DATABASE_URL: withAppName(url, APP.schedule),
    SYNC_CRON: cronAt(T),
    SYNC_FULL_CRON: "0 0 0 1 1 *", // New Year's midnight: out of the way
    LOG_LEVEL: "info",
  });
  const cli = spawnTsx("cli", "tests/chaos/helpers/procs-at.ts", [String(T + plan.cliMs), "jobs/sync.ts"], { ...ctgov, DATABASE_URL: withAppName(url, APP.cli), LOG_LEVEL: "warn" });
  const web = await startWeb({ databaseUrl: withAppName(url, APP.admin), env: { ...ctgov, LOG_LEVEL: "info" } });
  webs.push(web);
  const auth = { authorization: `Bearer ${WEB_ADMIN_TOKEN}` };
  // Load the admin route and open its database connection before T, as a running site would have.
  const warm = await fetch(`${web.url}/api/admin/sync`, { headers: auth });
  expect(warm.status, await warm.text()).toBe(200);
  await waitFor("the worker's scheduler and the CLI to be loaded", () => {
    const scheduled = logLines(worker.stdout()).some((l) => String(l.msg).startsWith("scheduler started"));
    const loaded = logLines(cli.stdout()).some((l) => l.procsAt === "ready");
    return scheduled && loaded ? true : undefined;
  }, T + Math.min(0, plan.cliMs) - Date.now() - 200, 100).catch((err: Error) => {
    throw new Error(`${err.message} (before T, ${LEAD_MS} ms after spawning: the machine is too busy)\nworker:\n${worker.stdout()}${worker.stderr()}\ncli:\n${cli.stdout()}${cli.stderr()}`);
  });

  const spareMs = T - Date.now();
  await new Promise((r) => setTimeout(r, spareMs + plan.adminMs));
  const sentAt = Date.now();
  const admin = await fetch(`${web.url}/api/admin/sync`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ mode: "incremental" }), signal: AbortSignal.timeout(60_000) });
  const adminBody = (await admin.json()) as { runId?: number; error?: string };

  const cliExit = await Promise.race([
    cli.exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the CLI did not exit within 120 s:\n${cli.stdout()}${cli.stderr()}`)), 120_000).unref()),
  ]);
  const scheduled = await waitFor("the scheduler's tick to report", () => logLines(worker.stdout()).find((l) => /^scheduled sync (started|skipped)/.test(String(l.msg))), 60_000).catch((err: Error) => {
    throw new Error(`${err.message}\nworker:\n${worker.stdout()}${worker.stderr()}`);
  });
  const finished = await waitFor(
    "the run to finish",
    async () => {
      const runs = await syncRuns(url);
      return runs.length > 0 && runs.every((r) => r.status !== "running") ? runs : undefined;
    },
    120_000,
    200,
  );
  await worker.stop();
  await web.stop();
  const workerExit = await worker.exited;

  const outputs = `admin: ${admin.status} ${JSON.stringify(adminBody)}\ncli: exit ${cliExit.code}\n${cli.stdout()}${cli.stderr()}\nworker:\n${worker.stdout()}${worker.stderr()}`;
  // Exactly one run, by exactly one process.
  expect(finished, outputs).toHaveLength(1);
  const run: RunRow = finished[0]!;
  expect(run.status, outputs).toBe("succeeded");
  const winner = run.trigger as Trigger;
  expect(Object.keys(APP)).toContain(winner);
  expect(run.pid).toBe({ schedule: worker.pid, cli: cli.pid, admin: web.child.pid }[winner]);

  // The winner says it started that run; the other two name it as the one in progress.
  if (winner === "admin") expect([admin.status, adminBody.runId]).toEqual([202, run.id]);
  else expect([admin.status, adminBody.runId], outputs).toEqual([409, run.id]);
  if (winner === "cli") {
    expect(cliExit.code, outputs).toBe(0);
    expect(cli.stdout()).toMatch(new RegExp(`run ${run.id} succeeded`));
  } else {
    expect(cliExit.code, outputs).toBe(3);
    expect(cli.stderr()).toContain(`another sync is in progress (run ${run.id})`);
  }
  if (winner === "schedule") expect(scheduled, outputs).toMatchObject({ msg: "scheduled sync started", runId: run.id });
  else expect(scheduled, outputs).toMatchObject({ msg: "scheduled sync skipped: another run is in progress", runningRunId: run.id });
  expect(workerExit.code).toBe(0);

  // Each process tried to claim once, at about the same instant.
  // The stale-run sweep (start-up, dashboard reads) takes the same lock but claims nothing: not counted.
  const claims = loggedStatements(await serverLog(cluster.adminUrl), database, /pg_advisory_xact_lock\(/).filter((c) => !c.statement.includes("stale-run sweep"));
  const byApp = Object.fromEntries(Object.entries(APP).map(([trigger, app]) => [trigger, claims.filter((c) => c.app === app).map((c) => c.at)]));
  for (const trigger of Object.keys(APP)) expect(byApp[trigger], `claims by ${trigger}: ${JSON.stringify(claims)}`).toHaveLength(1);
  const times = Object.values(byApp).map((t) => t[0]!);
  const spread = Math.max(...times) - Math.min(...times);
  // Aimed at one instant (measured 0.2–0.9 s apart, up to 1.7 s on a busy machine); a generous bound,
  // since each process pays its own first-query cost and the machine is shared. The run (≥ 12 requests
  // of LATENCY_MS) lasts longer than this, so every claim lands while it runs.
  expect(spread, `claim attempts ${JSON.stringify(byApp)} around T=${T}`).toBeLessThan(3_000);

  const offsets = Object.entries(byApp).map(([trigger, t]) => `${trigger} T${t[0]! - T >= 0 ? "+" : ""}${t[0]! - T} ms`);
  const line = `round ${n} (${plan.aim}: admin T${plan.adminMs >= 0 ? "+" : ""}${plan.adminMs}, CLI released T${plan.cliMs >= 0 ? "+" : ""}${plan.cliMs}): ${winner} won run ${run.id} (${run.pages_done} pages, ${run.fetched} studies); claims ${offsets.join(", ")}, spread ${spread} ms; admin POST sent T+${sentAt - T} ms; all three ready ${spareMs} ms before T`;
  results.push(line);
  console.log(`[concurrency] ${line}`);
}

describe("a scheduled, an admin and a CLI sync in the same second, in three processes", () => {
  ROUNDS.forEach((plan, i) => {
    it(`round ${i + 1} (${plan.aim}): exactly one runs, the other two are refused with its run id`, async () => {
      await round(i + 1, plan);
    });
  });
});
