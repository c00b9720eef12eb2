import { afterAll, describe, expect, it } from "vitest";
import { topicQueryParams } from "../../../lib/ctgov/topic";
import { spawnTsx, stopAllProcs, waitFor } from "../helpers/procs";
import { childRowMismatches, standinClient, syncOnce } from "../helpers/sync";
import { fileWorld } from "../helpers/world";

const world = fileWorld();
afterAll(() => stopAllProcs(0));


describe("a sync killed mid-run", () => {
  it("loses nothing committed, and the next run finishes with no duplicates", async () => {
    world.standin.setFaults({ latencyMs: 150 });
    const sync = spawnTsx("sync", "jobs/sync.ts", ["--full"], world.childEnv(20));
    const run = await waitFor(
      "a run with three pages written",
      async () => (await world.database.prisma.syncRun.findFirst({ where: { status: "running", pagesDone: { gte: 3 } } })) ?? undefined,
      60_000,
      100,
    );
    sync.child.kill("SIGKILL");
    expect((await sync.exited).signal).toBe("SIGKILL");

    const committed = await world.database.prisma.trial.count();
    const atKill = await world.database.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(atKill.status).toBe("running"); // nobody got to record an end
    // Every committed page is whole: its counts and its rows agree.
    expect(committed).toBe(atKill.inserted);
    expect(committed).toBeGreaterThanOrEqual(3 * 20);
    expect(await childRowMismatches(world.database.prisma)).toEqual([]);

    world.standin.resetFaults();
    const next = await syncOnce(world.database.prisma, standinClient(world.standin.url), "full", 100);
    expect(next.status).toBe("succeeded");
    const abandoned = await world.database.prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(abandoned.status).toBe("abandoned");
    expect(abandoned.error).toMatch(/stopped without finishing/);

    const expected = world.standin.studyIds(topicQueryParams()).sort();
    const stored = (await world.database.prisma.trial.findMany({ select: { nctId: true }, orderBy: { nctId: "asc" } })).map((t) => t.nctId);
    expect(stored).toEqual(expected);
    expect(next.progress.counts.unchanged).toBe(committed);
    expect(next.progress.counts.inserted).toBe(expected.length - committed);
    expect(await childRowMismatches(world.database.prisma)).toEqual([]);
  });
});
