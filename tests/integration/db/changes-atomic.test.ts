import { describe, expect, it } from "vitest";
import { topicQueryParams } from "../../../lib/ctgov/topic";
import { standinClient, syncOnce } from "../helpers/sync";
import { fileWorld } from "../helpers/world";

// A change is written in the same transaction as its trial: a page that fails half-way leaves
// neither its trials nor their history, and the next run records each trial's `added` exactly once.

const world = fileWorld();

describe("change history and trials stay consistent through a failed page", () => {
  it("a failure mid-write leaves neither the trials nor their changes, and the rerun records each once", async () => {
    const topic = world.standin.studyIds(topicQueryParams()).sort();
    const victim = topic[160]!; // on the fourth page of 50
    // The page's site rows go in after its trials and their change rows: fail there, late in the transaction.
    await world.database.prisma.$executeRawUnsafe(`CREATE FUNCTION fail_for_victim() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.nct_id = '${victim}' THEN RAISE EXCEPTION 'injected failure for the test' USING ERRCODE = 'XX000'; END IF; RETURN NEW; END $$`);
    await world.database.prisma.$executeRawUnsafe(`CREATE TRIGGER fail_for_victim BEFORE INSERT ON site FOR EACH ROW EXECUTE FUNCTION fail_for_victim()`);
    const failed = await syncOnce(world.database.prisma, standinClient(world.standin.url), "full", 50);
    expect(failed.status).toBe("failed");

    const trials = (await world.database.prisma.trial.findMany({ select: { nctId: true } })).map((t) => t.nctId).sort();
    const changed = (await world.database.prisma.trialChange.findMany({ select: { nctId: true } })).map((c) => c.nctId).sort();
    expect(trials.length).toBeGreaterThanOrEqual(150);
    expect(trials).not.toContain(victim);
    expect(changed).toEqual(trials);

    await world.database.prisma.$executeRawUnsafe(`DROP TRIGGER fail_for_victim ON site`);
    const rerun = await syncOnce(world.database.prisma, standinClient(world.standin.url), "full", 50);
    expect(rerun.status).toBe("succeeded");
    const perTrial = await world.database.prisma.$queryRawUnsafe<{ nct_id: string; n: number }[]>(
      `SELECT t.nct_id, (SELECT count(*)::int FROM trial_change c WHERE c.nct_id = t.nct_id AND c.fields @> '[{"field":"added"}]') AS n FROM trial t ORDER BY t.nct_id`,
    );
    expect(perTrial.map((r) => r.nct_id)).toEqual(topic);
    expect(perTrial.filter((r) => r.n !== 1)).toEqual([]);
  });
});
