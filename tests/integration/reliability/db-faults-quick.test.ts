import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkTransaction } from "../../../lib/db/bulk";
import { createPrisma } from "../../../lib/db/client";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { startSync } from "../../../lib/sync/start";
import { holdTableLock, sql, terminateBackends, withAppName } from "../../chaos/helpers/db-probe";
import { describeDifference, normalisedDump } from "../../chaos/helpers/dump";
import { logLines, spawnTsx, stopAllProcs, waitFor } from "../helpers/procs";
import { startStandin } from "../../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { childRowMismatches, type Standin, standinClient, syncOnce } from "../helpers/sync";

/**
 * The quick part of the database-fault scenarios (docs/reliability.md; the long part is
 * tests/chaos/db-faults.test.ts). Needs a real Postgres server: pg_terminate_backend has no meaning
 * on embedded PGlite, where every connection shares one backend.
 */

let database: TestDatabase;
let reference: TestDatabase | undefined;
let standin: Standin;
const clients: PrismaClient[] = [];

/** A client of its own whose connections carry an application_name, so they can be found and shot. */
function taggedPrisma(applicationName: string) {
  const prisma = createPrisma(withAppName(database.url, applicationName));
  clients.push(prisma);
  return prisma;
}

const databaseName = () => new URL(database.url).pathname.slice(1);
const terminate = async (applicationName: string, where = "true") => (await terminateBackends(database.url, databaseName(), applicationName, where)).length;

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.kind !== "postgres") throw new Error("these tests need a real Postgres server (TEST_DATABASE_URL or 127.0.0.1:5432); PGlite has one shared backend");
  await sql(database.url, `CREATE TABLE bulk_probe (n int)`);
  standin = await startStandin({ port: 0 });
});

afterAll(async () => {
  await stopAllProcs();
  await standin?.close();
  await Promise.all(clients.map((c) => c.$disconnect()));
  await reference?.drop();
  await database?.drop();
});

describe("a page write whose connection is killed", () => {
  it("between two statements: the write fails with the server's reason, the process lives on, and the next write gets a new connection", async () => {
    const prisma = taggedPrisma("dtf_quick_bulk");
    await expect(
      bulkTransaction(prisma, async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO bulk_probe VALUES (1)`);
        expect(await terminate("dtf_quick_bulk")).toBe(1);
        // The termination reaches the client while no statement runs: an 'error' event nobody awaits.
        await new Promise((r) => setTimeout(r, 300));
        await tx.$executeRawUnsafe(`INSERT INTO bulk_probe VALUES (2)`);
      }),
    ).rejects.toThrow(/terminating connection due to administrator command/);
    expect(await bulkTransaction(prisma, (tx) => tx.$executeRawUnsafe(`INSERT INTO bulk_probe VALUES (3)`))).toBe(1);
    // Nothing of the killed transaction was kept.
    expect(await sql(database.url, `SELECT n FROM bulk_probe ORDER BY n`)).toEqual([{ n: 3 }]);
  });

  it("mid-sync, inside a page's transaction: that page is lost whole, the run fails with the reason, and the next run leaves what a clean run leaves", async () => {
    const pageSize = 20;
    reference = await createTestDatabase();
    expect((await syncOnce(reference.prisma, standinClient(standin.url), "full", pageSize)).status).toBe("succeeded");

    standin.setFaults({ latencyMs: 50 });
    const prisma = taggedPrisma("dtf_quick_sync");
    let pagesDone = 0;
    const started = await startSync({ prisma, mode: "full", trigger: "cli", client: standinClient(standin.url), pageSize, onProgress: (p) => (pagesDone = p.pagesDone) });
    if (!started.ok) throw new Error(`run ${started.runningRunId} is in progress`);
    // Two pages in, the next page's write is held at its site rows (its trials and interventions
    // written, no COMMIT yet) and its connection shot there.
    await waitFor("two committed pages", () => (pagesDone >= 2 ? true : undefined), 20_000, 10);
    const stall = await holdTableLock(database.url, "site");
    try {
      const killed = await waitFor(
        "a page write waiting at its site rows",
        async () => (await terminate("dtf_quick_sync", `wait_event_type = 'Lock' AND query ~ 'INSERT INTO site'`)) || undefined,
        20_000,
        20,
      );
      expect(killed).toBe(1);
    } finally {
      await stall.release();
    }
    const outcome = await started.done;
    standin.resetFaults();
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/terminat/i);

    const run = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run).toMatchObject({ status: "failed", error: outcome.error });
    // Whole pages only: the counters (moved in each page's transaction) match the rows, page by page.
    const trials = await database.prisma.trial.count();
    expect(trials).toBe(run.inserted);
    expect(trials).toBe(run.pagesDone * pageSize);
    expect(await childRowMismatches(database.prisma)).toEqual([]);

    const next = await syncOnce(database.prisma, standinClient(standin.url), "full", 100);
    expect(next.status).toBe("succeeded");
    expect(next.progress.counts.unchanged).toBe(trials);
    const [got, want] = await Promise.all([normalisedDump(database.url), normalisedDump(reference.url)]);
    expect(got.digest, describeDifference(want, got)).toBe(want.digest);
  });
});

describe("a run that ends while its database refuses every connection", () => {
  it("cannot record its end, yet does not block the next claim of the process that ran it (the worker, the web app)", async () => {
    const name = databaseName();
    const server = new URL(database.url);
    server.pathname = "/postgres";
    const onServer = (text: string) => sql(server.toString(), text);
    standin.setFaults({ latencyMs: 50 });
    const prisma = taggedPrisma("dtf_quick_outage");
    let pagesDone = 0;
    const first = await startSync({ prisma, mode: "full", trigger: "schedule", client: standinClient(standin.url), pageSize: 20, onProgress: (p) => (pagesDone = p.pagesDone) });
    if (!first.ok) throw new Error(`run ${first.runningRunId} is in progress`);
    await waitFor("a committed page", () => (pagesDone >= 1 ? true : undefined), 20_000, 10);
    // The outage: no new connection is accepted, and every open one is cut.
    await onServer(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    let outcome;
    try {
      await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      outcome = await first.done;
    } finally {
      await onServer(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      standin.resetFaults();
    }
    expect(outcome.status).toBe("failed");
    const left = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(left.status).toBe("running"); // its end could not be written

    // The database is back: the same process claims again at once, not after the heartbeat TTL.
    const next = await startSync({ prisma, mode: "full", trigger: "schedule", client: standinClient(standin.url), pageSize: 100 });
    expect(next.ok ? "claimed" : `refused: run ${next.runningRunId} in progress`).toBe("claimed");
    if (next.ok) expect((await next.done).status).toBe("succeeded");
    const abandoned = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: first.runId } });
    expect(abandoned.status).toBe("abandoned");
    expect(abandoned.error).toMatch(/ended while the database was unreachable/);
    expect(await childRowMismatches(database.prisma)).toEqual([]);
  });
});

describe("three sync processes claiming in the same instant", () => {
  it("exactly one runs; the other two exit 3 naming its run", async () => {
    standin.setFaults({ latencyMs: 150 }); // the run lasts a second or more, far longer than the claims' spread
    const before = await database.prisma.syncRun.count();
    const procs = [1, 2, 3].map((n) =>
      spawnTsx(
        `sync ${n}`,
        "tests/chaos/helpers/procs-at.ts",
        ["stdin", "jobs/sync.ts", "--full"],
        { DATABASE_URL: database.url, CTGOV_BASE_URL: standin.url, CTGOV_PAGE_SIZE: "50", CTGOV_RATE_LIMIT_PER_MIN: "6000", LOG_LEVEL: "warn" },
        { stdin: true },
      ),
    );
    // Once all three are loaded and waiting, give them one instant a little ahead.
    await waitFor("three loaded sync processes", () => (procs.every((p) => logLines(p.stdout()).some((l) => l.procsAt === "ready")) ? true : undefined), 30_000);
    const instant = Date.now() + 200;
    for (const p of procs) p.send(`${instant}\n`);
    const exits = await Promise.all(procs.map((p) => p.exited));
    standin.resetFaults();
    const outputs = procs.map((p, i) => `${p.name}: exit ${exits[i]!.code}\n${p.stdout()}${p.stderr()}`).join("\n");
    const runs = (await database.prisma.syncRun.findMany({ orderBy: { id: "asc" } })).slice(before);
    expect(runs, outputs).toHaveLength(1);
    const run = runs[0]!;
    expect(run.status).toBe("succeeded");
    const codes = exits.map((e) => e.code).sort();
    expect(codes, outputs).toEqual([0, 3, 3]);
    const winner = procs[exits.findIndex((e) => e.code === 0)]!;
    expect(run.pid).toBe(winner.pid);
    expect(winner.stdout()).toMatch(new RegExp(`run ${run.id} succeeded`));
    for (const loser of procs.filter((p) => p !== winner)) {
      expect(loser.stderr()).toContain(`another sync is in progress (run ${run.id})`);
    }
  });
});
