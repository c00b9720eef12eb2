import { describe, expect, it } from "vitest";
import { topicQueryParams } from "../../../lib/ctgov/topic";
import { startSync } from "../../../lib/sync/start";
import type { TestDatabase } from "../helpers/db";
import { type Standin, childRowMismatches, standinClient, syncOnce, withFreshDatabaseAndStandinPerTest } from "../helpers/sync";

// Every test gets its own database and stand-in (see the two describe blocks), so each can run
// alone or in any order.
let database: TestDatabase;
let standin: Standin;
const use = (d: TestDatabase, s: Standin) => {
  database = d;
  standin = s;
};

const topicIds = () => standin.studyIds(topicQueryParams()).sort();
const engine = process.env.TEST_DB === "pglite" ? "PGlite" : "Postgres";

describe(`sync from the stand-in into an empty ${engine} database`, () => {
  withFreshDatabaseAndStandinPerTest(use);

  it("a full sync stores exactly the IDs the topic query returns, with correct values", async () => {
    const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full");
    expect(outcome.status).toBe("succeeded");
    const expected = topicIds();
    expect(expected.length).toBeGreaterThan(100);
    const stored = (await database.prisma.trial.findMany({ select: { nctId: true }, orderBy: { nctId: "asc" } })).map((t) => t.nctId);
    expect(stored).toEqual(expected);
    expect(outcome.progress.counts).toMatchObject({ inserted: expected.length, updated: 0, unchanged: 0, invalid: 0, removed: 0 });

    // Hand-checked against the record on ClinicalTrials.gov (bundled copy).
    const brtx = await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT04042844" }, include: { interventions: true, sites: true } });
    expect(brtx.briefTitle).toBe("A Single Dose of BRTX 100 for Patients With Chronic Lumbar Disc Disease (cLDD)");
    expect(brtx.phases).toEqual(["PHASE2"]);
    expect(brtx.sponsorName).toBe("BioRestorative Therapies");
    expect(brtx.interventions.map((i) => i.name).join("|")).toMatch(/BRTX-100/);
    expect(brtx.sites.length).toBeGreaterThan(5);
    expect(brtx.therapy).toContain("cell-therapy");
    expect(brtx.route).toContain("intradiscal");

    const mesoblast = await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT06325566" } });
    expect(mesoblast.sponsorName).toMatch(/Mesoblast/);
    expect(mesoblast.source).toContain("bone-marrow");
    expect(mesoblast.donor).toBe("allogeneic");

    expect(await childRowMismatches(database.prisma)).toEqual([]);
    const run = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run).toMatchObject({ status: "succeeded", mode: "full", fetched: expected.length, pagesDone: run.pagesExpected });
    expect(run.highWater).not.toBeNull();
  });

  it("two syncs started together: one runs, the other is told which run is in progress", async () => {
    const client = standinClient(standin.url);
    const [a, b] = await Promise.all([
      startSync({ prisma: database.prisma, mode: "full", trigger: "cli", client, pageSize: 100 }),
      startSync({ prisma: database.prisma, mode: "incremental", trigger: "admin", client, pageSize: 100 }),
    ]);
    const winners = [a, b].filter((r) => r.ok);
    const losers = [a, b].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0] as Extract<typeof a, { ok: true }>;
    expect(losers[0]).toEqual({ ok: false, runningRunId: winner.runId });
    expect((await winner.done).status).toBe("succeeded");
  });
});

describe(`sync from the stand-in into a ${engine} database synced once before`, () => {
  withFreshDatabaseAndStandinPerTest(use, { synced: true });

  it("a second full sync changes nothing, and rewrites no row", async () => {
    const versions = () => database.prisma.$queryRawUnsafe<{ nct_id: string; v: string }[]>(`SELECT nct_id, xmin::text AS v FROM trial ORDER BY nct_id`);
    const rowVersionsBefore = await versions();
    const before = await database.prisma.trial.findMany({ select: { nctId: true, updatedAt: true } });
    const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.progress.counts).toMatchObject({ inserted: 0, updated: 0, removed: 0, restored: 0, unchanged: before.length });
    const after = await database.prisma.trial.findMany({ select: { nctId: true, updatedAt: true } });
    expect(new Map(after.map((t) => [t.nctId, t.updatedAt.getTime()]))).toEqual(new Map(before.map((t) => [t.nctId, t.updatedAt.getTime()])));
    expect(await versions()).toEqual(rowVersionsBefore);
  });

  it("an incremental sync after one record's update date changes updates only that record", async () => {
    const raw = (await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT04042844" } })).raw as {
      protocolSection: { statusModule: { lastUpdatePostDateStruct: { date: string } }; identificationModule: { briefTitle: string } };
    };
    // Updated on the data's own date: the newest a record can be.
    const updatedOn = (await standinClient(standin.url).version()).dataTimestamp.slice(0, 10);
    const bumped = structuredClone(raw);
    bumped.protocolSection.statusModule.lastUpdatePostDateStruct.date = updatedOn;
    bumped.protocolSection.identificationModule.briefTitle = "BRTX-100 title changed on the stand-in";
    standin.upsertStudy(bumped);
    const outcome = await syncOnce(database.prisma, standinClient(standin.url), "incremental");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.progress.counts).toMatchObject({ inserted: 0, updated: 1, removed: 0 });
    // The window starts at the previous high-water mark less the overlap: only recent records are fetched.
    expect(outcome.progress.counts.fetched).toBeLessThan(topicIds().length / 2);
    const run = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.query).toContain("AREA%5BLastUpdatePostDate%5DRANGE");
    expect((await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT04042844" } })).briefTitle).toBe("BRTX-100 title changed on the stand-in");
    expect(run.highWater?.toISOString().slice(0, 10)).toBe(updatedOn);
  });

  it("a record dropped from the stand-in is marked removed by a full sync, kept, and restored when it returns", async () => {
    standin.removeStudy("NCT06325566");
    const removed = await syncOnce(database.prisma, standinClient(standin.url), "full");
    expect(removed.progress.counts.removed).toBe(1);
    const kept = await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT06325566" }, include: { sites: true } });
    expect(kept.removedAt).not.toBeNull();
    expect(kept.briefTitle.length).toBeGreaterThan(0);

    standin.restoreStudy("NCT06325566");
    const back = await syncOnce(database.prisma, standinClient(standin.url), "full");
    expect(back.progress.counts).toMatchObject({ removed: 0, restored: 1 });
    expect((await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT06325566" } })).removedAt).toBeNull();
  });

  it("an invalid record is quarantined with its raw JSON and error, and the rest land", async () => {
    const total = await database.prisma.trial.count();
    const before = await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT04042844" } });
    standin.setFaults({ brokenStudy: "NCT04042844", brokenStudyMode: "wrong-type" });
    const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.progress.counts).toMatchObject({ invalid: 1, removed: 0 });
    const bad = await database.prisma.invalidRecord.findMany({ where: { runId: outcome.runId } });
    expect(bad).toHaveLength(1);
    expect(bad[0]!.nctId).toBe("NCT04042844");
    expect(bad[0]!.error).toMatch(/designModule\.phases/);
    expect((bad[0]!.raw as { protocolSection: { designModule: { phases: unknown } } }).protocolSection.designModule.phases).toBeTypeOf("string");
    // The previous good copy stays served, untouched, and nothing else was lost.
    const after = await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT04042844" } });
    expect(after.removedAt).toBeNull();
    expect(after.rawHash).toBe(before.rawHash);
    expect(await database.prisma.trial.count({ where: { removedAt: null } })).toBe(total);
  });

  it("a record served without its NCT id is quarantined; its old copy is kept but leaves search until it returns valid", async () => {
    standin.setFaults({ brokenStudy: "NCT04042844", brokenStudyMode: "missing-nct-id" });
    const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.progress.counts).toMatchObject({ invalid: 1, removed: 1 });
    const bad = await database.prisma.invalidRecord.findFirstOrThrow({ where: { runId: outcome.runId } });
    expect(bad.nctId).toBeNull();
    expect(bad.error).toMatch(/identificationModule\.nctId/);
    const kept = await database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT04042844" } });
    expect(kept.removedAt).not.toBeNull();
    standin.resetFaults();
    const healed = await syncOnce(database.prisma, standinClient(standin.url), "full");
    expect(healed.progress.counts).toMatchObject({ invalid: 0, restored: 1, removed: 0 });
  });

  it("429 with Retry-After and bursts of 5xx are retried within bounds and the run succeeds", async () => {
    standin.setFaults({ rateLimitNext: 2, retryAfterSeconds: 1, failRate: 0.3, seed: 7 });
    const client = standinClient(standin.url, { maxRetries: 8 });
    const outcome = await syncOnce(database.prisma, client, "full");
    expect(outcome.status).toBe("succeeded");
    expect(outcome.progress.counts.inserted + outcome.progress.counts.updated).toBe(0);
    expect(client.retries).toBeGreaterThanOrEqual(2);
    expect(client.retries).toBeLessThanOrEqual(client.requests);
  });

  it("a permanent failure ends the run as failed with the reason and leaves the previous data served", async () => {
    const before = await database.prisma.trial.count({ where: { removedAt: null } });
    standin.setFaults({ failRate: 1 });
    const outcome = await syncOnce(database.prisma, standinClient(standin.url, { maxRetries: 2 }), "full");
    expect(outcome.status).toBe("failed");
    const run = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/gave up after 3 attempts: HTTP 50[023]/);
    expect(await database.prisma.trial.count({ where: { removedAt: null } })).toBe(before);
  });
});
