import { afterAll, describe, expect, it } from "vitest";
import { spawnTsx, stopAllProcs } from "../helpers/procs";
import { fileWorld } from "../helpers/world";

const world = fileWorld();
afterAll(() => stopAllProcs(0));

describe("the jobs worker (npm run jobs)", () => {
  it("runs syncs on its schedule, never two at once, and stops cleanly on SIGTERM", async () => {
    world.standin.setFaults({ latencyMs: 300 });
    const worker = spawnTsx("worker", "jobs/worker.ts", [], {
      ...world.childEnv(25),
      SYNC_CRON: "0 0 1 1 *",
      SYNC_FULL_CRON: "*/2 * * * * *", // every 2 s: ticks fire while a full run (~3 s) is still going
      LOG_LEVEL: "info",
    });

    // Wait for one finished scheduled run and a second one under way.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const runs = await world.database.prisma.syncRun.findMany({ orderBy: { id: "asc" } });
      if (runs.some((r) => r.status === "succeeded") && runs.some((r) => r.status === "running" && r.pagesDone >= 1)) break;
      if (Date.now() > deadline) throw new Error(`no scheduled runs seen; worker log:\n${worker.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    worker.child.kill("SIGTERM");
    expect((await worker.exited).code).toBe(0);

    const runs = await world.database.prisma.syncRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.every((r) => r.trigger === "schedule")).toBe(true);
    expect(runs.filter((r) => r.status === "running")).toEqual([]);
    const last = runs[runs.length - 1]!;
    expect(last.status).toBe("failed");
    expect(last.error).toMatch(/shutting down/);
    // Runs never overlapped: each started after the previous one finished.
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1]!.finishedAt!.getTime());
    expect(worker.output()).toMatch(/scheduler stopped/);
  });
});
