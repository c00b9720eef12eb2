import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endBulkPools } from "../../lib/db/bulk";
import { createPrisma } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { startSync } from "../../lib/sync/start";
import { startStandin } from "../ctgov-standin/server";
import { childRowMismatches, type Standin, standinClient, syncOnce } from "../integration/helpers/sync";
import { type PrivateCluster, startPrivateCluster } from "./helpers/cluster";
import { holdTableLock, type KilledBackend, type RunRow, sql, sqlIfUp, syncRuns, terminateBackends, withAppName } from "./helpers/db-probe";
import { describeDifference, type Dump, normalisedDump } from "./helpers/dump";
import { type Proc, spawnTsx, stopAllProcs, waitFor } from "../integration/helpers/procs";
import { startWeb, WEB_ADMIN_TOKEN, type WebApp } from "./helpers/web";
import { percentile } from "../bench/stats";

/**
 * Database faults (docs/reliability.md): the sync's connections killed with pg_terminate_backend, and
 * Postgres crashed or restarted under a running `npm run sync`, on a private cluster; then the web app
 * while that cluster is down and after it returns. Figures are printed as "[db-faults] …" lines.
 */

const SYNC_APP = "dtf_chaos_sync";
const PAGE_SIZE = 20;
// Each page fetch waits this long at the stand-in, so a run of ~11 pages lasts a few seconds and a
// fault lands mid-run.
const LATENCY_MS = 250;

let cluster: PrivateCluster;
let standin: Standin;
let reference: { url: string; dump: Dump };
let web: WebApp | undefined;
const figures: string[] = [];
const note = (line: string) => {
  figures.push(line);
  console.log(`[db-faults] ${line}`);
};

async function freshDatabase(name: string) {
  const url = await cluster.createDatabase(name);
  await applyMigrations(url);
  return url;
}

function spawnSync(url: string, args: string[]): Proc {
  return spawnTsx("sync", "jobs/sync.ts", args, {
    DATABASE_URL: withAppName(url, SYNC_APP),
    CTGOV_BASE_URL: standin.url,
    CTGOV_PAGE_SIZE: String(PAGE_SIZE),
    CTGOV_RATE_LIMIT_PER_MIN: "6000",
    CTGOV_TIMEOUT_MS: "10000",
    LOG_LEVEL: "warn",
  });
}

async function exitOf(proc: Proc, timeoutMs = 90_000) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${proc.name} did not exit within ${timeoutMs} ms\nstdout:\n${proc.stdout()}\nstderr:\n${proc.stderr()}`)), timeoutMs);
  });
  try {
    return await Promise.race([proc.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function trialCount(url: string) {
  return Number((await sql<{ n: string }>(url, "SELECT count(*) AS n FROM trial"))[0]!.n);
}

async function mismatches(url: string) {
  const prisma = createPrisma(url);
  try {
    return await childRowMismatches(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * A full `npm run sync` from an empty database, hit by `fault` once two pages are committed. Checks
 * what every such fault must leave: only whole pages (the run's counters and the stored rows agree,
 * and each committed page holds a full page of trials), and an exit that says what happened.
 */
async function syncHitBy(name: string, fault: (ctx: { url: string; database: string; runId: number }) => Promise<string>) {
  const url = await freshDatabase(name);
  standin.setFaults({ latencyMs: LATENCY_MS });
  const started = Date.now();
  const proc = spawnSync(url, ["--full"]);
  const run = await waitFor(
    "the sync to commit two pages",
    async () => (await sqlIfUp<RunRow>(url, "SELECT id, pages_done FROM sync_run WHERE status = 'running' AND pages_done >= 2"))?.[0],
    60_000,
    20,
  );
  const what = await fault({ url, database: name, runId: run.id });
  const committedBefore = run.pages_done;
  const exit = await exitOf(proc);
  standin.resetFaults();
  const after = (await syncRuns(url)).find((r) => r.id === run.id)!;
  const trials = await trialCount(url);
  const total = reference.dump.counts.trial!;

  // Whole pages only: the counters move in the page's own transaction, so they describe exactly the
  // committed rows, and every page before the last is full.
  expect(trials, `trials stored vs the run's inserted counter (${what})`).toBe(after.inserted);
  expect(after.fetched).toBe(after.inserted);
  expect(after.inserted).toBe(Math.min(after.pages_done * PAGE_SIZE, total));
  expect(await mismatches(url)).toEqual([]);
  // Committed means durable: the pages seen committed before the fault are all still there.
  expect(after.pages_done).toBeGreaterThanOrEqual(committedBefore);

  const failedLine = /run (\d+) failed: (.+)/.exec(exit.signal ? "" : proc.stderr());
  if (exit.code === 0) {
    expect(after.status).toBe("succeeded");
    expect(proc.stdout()).toMatch(new RegExp(`run ${run.id} succeeded`));
  } else {
    const output = `exit ${exit.code} of the interrupted sync\nstdout:\n${proc.stdout()}\nstderr:\n${proc.stderr()}`;
    expect(exit.code, output).toBe(1);
    expect(failedLine?.[1], output).toBe(String(run.id));
    expect(failedLine?.[2]).toBeTruthy();
    expect(proc.stderr()).toMatch(/earlier data is still served/);
    // Recorded as failed with its reason, or still 'running' when the database was down at the moment
    // the run ended (the next claimer sees its process is gone and marks it abandoned).
    expect(["failed", "running"]).toContain(after.status);
    if (after.status === "failed") expect(after.error).toBe(failedLine![2]!.trim());
  }
  expect(proc.stderr()).not.toMatch(/^\s+at /m); // a reason, not a stack trace
  const outcome = exit.code === 0 ? "recovered" : `failed (${after.status === "failed" ? "recorded" : "left running"}: ${failedLine?.[2]?.trim()})`;
  note(`${name}: ${what}; run ${run.id} ${outcome} after ${after.pages_done} pages, ${trials} trials committed, exit ${exit.code} in ${Date.now() - started} ms`);

  // The next run completes and leaves exactly what a clean run leaves.
  const next = spawnSync(url, ["--full"]);
  const nextExit = await exitOf(next);
  expect(nextExit.code, `next sync\nstdout:\n${next.stdout()}\nstderr:\n${next.stderr()}`).toBe(0);
  expect(next.stdout()).toMatch(/run \d+ succeeded/);
  const runs = await syncRuns(url);
  expect(runs.filter((r) => r.status === "running")).toEqual([]);
  expect(runs.at(-1)!.status).toBe("succeeded");
  const interrupted = runs.find((r) => r.id === run.id)!;
  if (after.status === "running") {
    expect(interrupted.status).toBe("abandoned");
    expect(interrupted.error).toMatch(/stopped without finishing/);
  }
  expect(await mismatches(url)).toEqual([]);
  const dump = await normalisedDump(url);
  expect(dump.digest, describeDifference(reference.dump, dump)).toBe(reference.dump.digest);
  return { run: after, exit, killed: what };
}

beforeAll(async () => {
  cluster = await startPrivateCluster();
  // As in production: a committed page survives a crash. The cluster helper turns synchronous_commit
  // off on the server's command line for speed; a role setting overrides that for every session.
  await sql(cluster.adminUrl, "ALTER ROLE postgres SET synchronous_commit = on");
  standin = await startStandin({ port: 0 });
  const url = await freshDatabase("reference");
  const prisma = createPrisma(url);
  try {
    const outcome = await syncOnce(prisma, standinClient(standin.url), "full", PAGE_SIZE);
    expect(outcome.status).toBe("succeeded");
  } finally {
    await prisma.$disconnect();
  }
  reference = { url, dump: await normalisedDump(url) };
  expect(reference.dump.counts.trial).toBeGreaterThan(5 * PAGE_SIZE);
});

afterAll(async () => {
  await stopAllProcs();
  await web?.stop();
  await standin?.close();
  await endBulkPools();
  cluster?.destroy();
  if (figures.length) console.log(`[db-faults] summary\n  ${figures.join("\n  ")}`);
});

const describeKilled = (killed: KilledBackend[]) => `${killed.length} backend(s) killed [${killed.map((k) => `${k.state}: ${k.query.replace(/\s+/g, " ").slice(0, 40)}`).join(" | ")}]`;

describe("the sync's database connections killed mid-run (pg_terminate_backend)", () => {
  it("every connection of the sync at once, between or during page writes", async () => {
    await syncHitBy("killed_all", async ({ database }) => {
      const killed = await terminateBackends(cluster.adminUrl, database, SYNC_APP);
      expect(killed.length).toBeGreaterThan(0);
      return describeKilled(killed);
    });
  });

  it("the connection writing a page, inside its transaction", async () => {
    const { run } = await syncHitBy("killed_in_page", async ({ url, database }) => {
      // The next page's write is held at its site rows, after its trials and interventions are
      // written and before COMMIT, and shot there.
      const stall = await holdTableLock(url, "site");
      try {
        const killed = await waitFor(
          "a page write waiting at its site rows",
          async () => {
            const k = await terminateBackends(cluster.adminUrl, database, SYNC_APP, `wait_event_type = 'Lock' AND query ~ 'INSERT INTO site'`);
            return k.length ? k : undefined;
          },
          30_000,
          20,
        );
        return describeKilled(killed);
      } finally {
        await stall.release();
      }
    });
    // The page in flight was lost whole, and the run stopped there with the reason.
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/terminating connection due to administrator command/);
    expect(run.inserted).toBeLessThan(reference.dump.counts.trial!);
  });
});

describe("Postgres restarted under a running sync", () => {
  it("a crash (immediate stop), then a start", async () => {
    await syncHitBy("crashed", async () => {
      const t0 = Date.now();
      cluster.stop("immediate");
      await sleep(1_500);
      cluster.start();
      return `crashed and started again, down ${Date.now() - t0} ms`;
    });
  });

  it("a crash under a sync running in a long-lived process (as in the worker or the web app): that process claims the next run at once", async () => {
    const url = await freshDatabase("crashed_in_process");
    const prisma = createPrisma(withAppName(url, SYNC_APP));
    try {
      standin.setFaults({ latencyMs: LATENCY_MS });
      let pagesDone = 0;
      const first = await startSync({ prisma, mode: "full", trigger: "schedule", client: standinClient(standin.url), pageSize: PAGE_SIZE, onProgress: (p) => (pagesDone = p.pagesDone) });
      if (!first.ok) throw new Error(`run ${first.runningRunId} is in progress`);
      await waitFor("two committed pages", () => (pagesDone >= 2 ? true : undefined), 60_000, 20);
      const t0 = Date.now();
      cluster.stop("immediate");
      const outcome = await first.done;
      await sleep(1_500);
      cluster.start();
      const downMs = Date.now() - t0;
      standin.resetFaults();
      expect(outcome.status).toBe("failed");
      const left = (await syncRuns(url))[0]!;
      expect(await trialCount(url)).toBe(left.inserted);
      expect(left.inserted).toBe(left.pages_done * PAGE_SIZE);
      expect(left.pages_done).toBeGreaterThanOrEqual(2);

      const claimedAt = Date.now();
      const next = await startSync({ prisma, mode: "full", trigger: "schedule", client: standinClient(standin.url), pageSize: 100 });
      const claimMs = Date.now() - claimedAt;
      expect(next.ok ? "claimed" : `refused: run ${next.runningRunId} in progress`).toBe("claimed");
      const nextOutcome = await (next as Extract<typeof next, { ok: true }>).done;
      expect(nextOutcome.status).toBe("succeeded");
      const firstAfter = (await syncRuns(url)).find((r) => r.id === first.runId)!;
      // Recorded as failed if the end could be written, else abandoned by the next claim.
      expect(["failed", "abandoned"]).toContain(firstAfter.status);
      expect(firstAfter.error).toBeTruthy();
      expect(await mismatches(url)).toEqual([]);
      const dump = await normalisedDump(url);
      expect(dump.digest, describeDifference(reference.dump, dump)).toBe(reference.dump.digest);
      note(
        `crashed_in_process: crashed at page ${left.pages_done} and started again, down ${downMs} ms; run ${first.runId} ${firstAfter.status} (${firstAfter.error}); ` +
          `the same process claimed run ${nextOutcome.runId} ${claimMs} ms after the database was back, and it succeeded`,
      );
    } finally {
      await prisma.$disconnect();
    }
  });

  it("a fast restart", async () => {
    await syncHitBy("restarted", async () => {
      const t0 = Date.now();
      cluster.restart("fast");
      return `fast restart, down ${Date.now() - t0} ms`;
    });
  });
});

type Probe = { name: string; path: (i: number) => string; init?: RequestInit };
type Answer = { probe: string; status: number; ms: number; contentType: string; cacheControl: string; body: string };

async function ask(base: string, probe: Probe, i: number): Promise<Answer> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${probe.path(i)}`, { ...probe.init, signal: AbortSignal.timeout(30_000) });
    const body = await res.text();
    const header = (name: string) => res.headers.get(name) ?? "";
    return { probe: probe.name, status: res.status, ms: performance.now() - t0, contentType: header("content-type"), cacheControl: header("cache-control"), body };
  } catch (err) {
    return { probe: probe.name, status: 0, ms: performance.now() - t0, contentType: "", cacheControl: "", body: String(err) };
  }
}

const adminAuth = { authorization: `Bearer ${WEB_ADMIN_TOKEN}` };

describe("the web app while the database is down", () => {
  it("answers 503 with a clear message (the page says so), never hangs, and recovers on its own when the database returns", async () => {
    web = await startWeb({ databaseUrl: reference.url });
    // Each request a different search, so none is answered from the search cache.
    const probes: Probe[] = [
      { name: "/api/trials", path: (i) => `/api/trials?q=outage${i}` },
      { name: "/api/trials.csv", path: (i) => `/api/trials.csv?q=outage${i}` },
      { name: "/api/health", path: () => `/api/health` },
      { name: "/trials", path: (i) => `/trials?q=outage${i}` },
      { name: "/", path: () => `/` },
      { name: "/trials/NCT04042844", path: () => `/trials/NCT04042844` },
      { name: "/trials/print", path: (i) => `/trials/print?q=outage${i}` },
      { name: "GET /api/admin/sync", path: () => `/api/admin/sync`, init: { headers: adminAuth } },
      { name: "GET /api/admin/sync/1", path: () => `/api/admin/sync/1`, init: { headers: adminAuth } },
    ];
    let i = 0;
    for (const probe of probes) {
      const a = await ask(web.url, probe, i++);
      expect(a.status, `${probe.name} before the outage: ${a.body.slice(0, 300)}`).toBe(200);
    }

    cluster.stop("immediate");
    const down: Answer[] = [];
    const downUntil = Date.now() + 5_000;
    while (Date.now() < downUntil) {
      // Two at a time, as a couple of visitors would.
      down.push(...(await Promise.all(probes.flatMap((p) => [ask(web!.url, p, i++), ask(web!.url, p, i++)]))));
    }
    // Asking for a sync while the database is down is refused as clearly, and starts nothing.
    const syncAsked = await ask(web.url, { name: "POST /api/admin/sync", path: () => `/api/admin/sync`, init: { method: "POST", headers: { ...adminAuth, "content-type": "application/json" }, body: `{"mode":"incremental"}` } }, i++);
    down.push(syncAsked);
    for (const a of down) {
      const what = `${a.probe} during the outage: ${a.status} ${a.body.slice(0, 300)}`;
      expect(a.body, what).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack trace
      if (!a.probe.includes("/api/")) {
        // A page cannot carry a 503 in the App Router; it shows the message in place of its content.
        expect(a.status, what).toBe(200);
        expect(a.body, what).toContain("The trial database is not reachable right now");
        expect(a.cacheControl, what).toMatch(/no-store/); // the notice must not outlive the outage in a cache
        continue;
      }
      expect(a.status, what).toBe(503);
      expect(a.contentType, what).toMatch(/application\/json/);
      const body = JSON.parse(a.body) as { error?: string; message?: string; db?: string };
      // One shape for every route (lib/http/errors.ts); health adds its own fields.
      if (a.probe === "/api/health") expect(body).toEqual({ error: "database_unavailable", message: expect.stringMatching(/not reachable/), db: "down", lastSuccessfulSync: null, trials: null });
      else expect(body).toEqual({ error: "database_unavailable", message: expect.stringMatching(/not reachable/) });
    }
    const maxDownMs = Math.max(...down.map((a) => a.ms));
    expect(maxDownMs, "slowest answer during the outage").toBeLessThan(10_000);

    cluster.start();
    const back = Date.now();
    const recovered = await waitFor(
      "every URL to answer 200 again",
      async () => {
        const answers = await Promise.all(probes.map((p) => ask(web!.url, p, i++)));
        return answers.every((a) => a.status === 200) ? answers : undefined;
      },
      60_000,
      100,
    );
    const recoveryMs = Date.now() - back;
    expect(JSON.parse(recovered.find((a) => a.probe === "/api/health")!.body)).toMatchObject({ db: "ok", trials: reference.dump.counts.trial });
    expect(web.child.exitCode).toBeNull(); // the same process, not restarted
    expect((await syncRuns(reference.url)).filter((r) => r.trigger === "admin")).toEqual([]);
    const ms = down.map((a) => a.ms).sort((a, b) => a - b);
    note(
      `web outage: ${down.length} requests in 5 s, statuses ${JSON.stringify(Object.fromEntries([...new Set(down.map((a) => a.probe))].map((name) => [name, [...new Set(down.filter((a) => a.probe === name).map((a) => a.status))]])))}, ` +
        `latency median ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${maxDownMs.toFixed(0)} ms; all URLs 200 again ${recoveryMs} ms after the database started (pg_ctl start returned)`,
    );
  });
});
