import { describe, expect, it } from "vitest";
import { dashboard } from "../../../lib/admin/data";
import { abandonStaleRuns } from "../../../lib/sync/lock";
import { spawnTsx } from "../helpers/procs";
import { fileWorld } from "../helpers/world";

/** A sync process killed mid-run (kill -9): its run must not show as running until the next sync starts (issue 19). */
const world = fileWorld();

async function startAndKillSync(): Promise<{ runId: number; pid: number }> {
  world.standin.setFaults({ latencyMs: 2_000 }); // each page takes two seconds: time to kill it mid-run
  const sync = spawnTsx("sync", "jobs/sync.ts", ["--full"], world.childEnv(50));
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const run = await world.database.prisma.syncRun.findFirst({ where: { status: "running", pid: sync.pid } });
      if (run) {
        await sync.stop(0);
        return { runId: run.id, pid: sync.pid };
      }
      if (Date.now() > deadline) throw new Error("the sync never started");
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await sync.stop(0);
    world.standin.resetFaults();
  }
}

describe("a sync killed mid-run", () => {
  it("shows as abandoned, with the reason, as soon as the dashboard is read (no new sync needed)", async () => {
    const { runId, pid } = await startAndKillSync();
    const d = await dashboard(world.database.prisma);
    expect(d.running).toBeNull();
    expect(d.history.find((r) => r.runId === runId)).toMatchObject({ status: "abandoned", error: expect.stringContaining(`pid ${pid}`) });
  });

  it("is marked abandoned at start-up (what npm start and npm run jobs call first)", async () => {
    const { runId } = await startAndKillSync();
    expect(await abandonStaleRuns(world.database.prisma)).toEqual([runId]);
    const run = await world.database.prisma.syncRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("abandoned");
    expect(run.finishedAt).not.toBeNull();
    // A live run is left alone.
    const live = await world.database.prisma.syncRun.create({ data: { mode: "incremental", trigger: "cli", status: "running", host: "another-host", pid: 1 } });
    expect(await abandonStaleRuns(world.database.prisma)).toEqual([]);
    expect(await abandonStaleRuns(world.database.prisma, { ttlMs: -1 })).toEqual([live.id]); // once its heartbeat is stale
  });
});
