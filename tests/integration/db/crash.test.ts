import { afterAll, describe, expect, it } from "vitest";
import { topicQueryParams } from "../../../lib/ctgov/topic";
import type { TestDatabase } from "../helpers/db";
import { spawnTsx, stopAllProcs, waitFor } from "../helpers/procs";
import { type Standin, childRowMismatches, standinClient, syncOnce, withDatabaseAndStandin } from "../helpers/sync";

let database: TestDatabase;
let standin: Standin;
withDatabaseAndStandin((d, s) => {
  database = d;
  standin = s;
});
afterAll(() => stopAllProcs(0));


describe("a sync killed mid-run", () => {
  it("loses nothing committed, and the next run finishes with no duplicates", async () => {
    standin.setFaults({ latencyMs: 150 });
    const sync = spawnTsx("sync", "jobs/sync.ts", ["--full"], {
      DATABASE_URL: database.url,
      CTGOV_BASE_URL: standin.url,
      CTGOV_PAGE_SIZE: "20",
      CTGOV_RATE_LIMIT_PER_MIN: "6000",
      LOG_LEVEL: "warn",
    });
    const run = await waitFor(
      "a run with three pages written",
      async () => (await database.prisma.syncRun.findFirst({ where: { status: "running", pagesDone: { gte: 3 } } })) ?? undefined,
      60_000,
      100,
    );
    sync.child.kill("SIGKILL");
    expect((await sync.exited).signal).toBe("SIGKILL");

    const committed = await database.prisma.trial.count();
    const atKill = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(atKill.status).toBe("running"); // nobody got to record an end
    // Every committed page is whole: its counts and its rows agree.
    expect(committed).toBe(atKill.inserted);
    expect(committed).toBeGreaterThanOrEqual(3 * 20);
    expect(await childRowMismatches(database.prisma)).toEqual([]);

    standin.resetFaults();
    const next = await syncOnce(database.prisma, standinClient(standin.url), "full", 100);
    expect(next.status).toBe("succeeded");
    const abandoned = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(abandoned.status).toBe("abandoned");
    expect(abandoned.error).toMatch(/stopped without finishing/);

    const expected = standin.studyIds(topicQueryParams()).sort();
    const stored = (await database.prisma.trial.findMany({ select: { nctId: true }, orderBy: { nctId: "asc" } })).map((t) => t.nctId);
    expect(stored).toEqual(expected);
    expect(next.progress.counts.unchanged).toBe(committed);
    expect(next.progress.counts.inserted).toBe(expected.length - committed);
    expect(await childRowMismatches(database.prisma)).toEqual([]);
  });
});
