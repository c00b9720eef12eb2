import { describe, expect, it } from "vitest";
import { topicQueryParams } from "../../../lib/ctgov/topic";
import { startSync } from "../../../lib/sync/start";
import { standinClient } from "../helpers/sync";
import { fileWorld } from "../helpers/world";

// bench:sync's switch (benchOnlySkipChangeRecording) writes the same trials without their change
// history, so the benchmark can show what the history costs; without it, a sync records as always.

const world = fileWorld();
const BRTX = "NCT04042844";

async function sync(skip?: boolean) {
  const started = await startSync({ prisma: world.database.prisma, mode: "full", trigger: "cli", client: standinClient(world.standin.url), pageSize: 50, benchOnlySkipChangeRecording: skip });
  if (!started.ok) throw new Error("a run is in progress");
  const outcome = await started.done;
  expect(outcome.status).toBe("succeeded");
  return outcome;
}
const history = async () => ({ changes: await world.database.prisma.trialChange.count(), heads: await world.database.prisma.trialChangeHead.count() });

describe("the sync's bench-only switch for change recording", () => {
  let topic: string[] = [];

  it("with the switch, a first sync writes every trial and no history", async () => {
    topic = world.standin.studyIds(topicQueryParams()).sort();
    const outcome = await sync(true);
    expect(outcome.progress.counts.inserted).toBe(topic.length);
    expect(await world.database.prisma.trial.count()).toBe(topic.length);
    expect(await history()).toEqual({ changes: 0, heads: 0 });
  });

  it("with the switch, a status change and a removal are written to the trials but not recorded", async () => {
    const removedId = topic.find((id) => id !== BRTX)!;
    await world.setStatus(BRTX, "ACTIVE_NOT_RECRUITING");
    world.standin.removeStudy(removedId);
    const outcome = await sync(true);
    expect(outcome.progress.counts.updated).toBe(1);
    expect(outcome.progress.counts.removed).toBe(1);
    expect((await world.database.prisma.trial.findUniqueOrThrow({ where: { nctId: BRTX } })).overallStatus).toBe("ACTIVE_NOT_RECRUITING");
    expect((await world.database.prisma.trial.findUniqueOrThrow({ where: { nctId: removedId } })).removedAt).not.toBeNull();
    expect(await history()).toEqual({ changes: 0, heads: 0 });
    world.standin.restoreStudy(removedId);
  });

  it("without it (the product's path), the same kind of sync records the changes", async () => {
    const removedId = topic.find((id) => id !== BRTX)!;
    await world.setStatus(BRTX, "RECRUITING");
    const outcome = await sync();
    const rows = await world.database.prisma.trialChange.findMany({ where: { runId: outcome.runId }, orderBy: { nctId: "asc" } });
    expect(Object.fromEntries(rows.map((r) => [r.nctId, r.fields]))).toEqual({
      [BRTX]: [{ field: "status", from: "Active, not recruiting", to: "Recruiting" }],
      [removedId]: [{ field: "restored", from: null, to: null }],
    });
    expect(await world.database.prisma.trialChangeHead.count()).toBe(2);
  });
});
