import { describe, expect, it } from "vitest";
import { fingerprintOf } from "../../../lib/changes/diff";
import { CtgovClient, type StudiesPage } from "../../../lib/ctgov/service";
import { normalizeStudy } from "../../../lib/ctgov/normalize";
import { studySchema } from "../../../lib/ctgov/schema";
import { classifyStudy } from "../../../lib/classify/classify";
import { claimRun } from "../../../lib/sync/lock";
import { hashRaw, toJson, type ValidStudy } from "../../../lib/sync/encode";
import { writePage } from "../../../lib/sync/mutations";
import { startSync } from "../../../lib/sync/start";
import { standinClient, syncOnce } from "../helpers/sync";
import { fileWorld } from "../helpers/world";

// A server whose default time zone is not UTC: every session must still agree on what now() means.
const world = fileWorld({ databaseTimeZone: "America/Los_Angeles" });

function prepared(raw: object): ValidStudy {
  const rawJson = toJson(raw);
  const normalized = normalizeStudy(studySchema.parse(raw));
  return { raw, rawJson, rawHash: hashRaw(rawJson), watchedHash: fingerprintOf(normalized, raw), normalized, classification: classifyStudy(raw, { asOf: new Date() }) };
}

function study(nctId: string, extra: Record<string, unknown> = {}) {
  return { protocolSection: { identificationModule: { nctId, briefTitle: `Study ${nctId}` }, statusModule: { overallStatus: "RECRUITING" }, ...extra } };
}

describe("sync guards", () => {
  it("two syncs started together on a server whose default time zone is not UTC: still exactly one runs", async () => {
    const client = standinClient(world.standin.url);
    const results = await Promise.all([1, 2, 3].map(() => startSync({ prisma: world.database.prisma, mode: "full", trigger: "cli", client, pageSize: 100 })));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const outcome = await (winners[0] as Extract<(typeof results)[number], { ok: true }>).done;
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe("succeeded");
    // Times written by now() and by the app read back on one clock: the run took seconds, not hours.
    const run = await world.database.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    const seconds = (run.finishedAt!.getTime() - run.startedAt.getTime()) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(seconds).toBeLessThan(600);
    expect(Math.abs(run.startedAt.getTime() - Date.now())).toBeLessThan(600_000);
  });

  it("a record the database rejects is quarantined and the rest of its page lands; NUL and lone surrogates are cleaned", async () => {
    const claim = await claimRun(world.database.prisma, "incremental", "cli");
    if (!claim.ok) throw new Error("busy");
    const good = [prepared(study("NCT90000001")), prepared(study("NCT90000002", { descriptionModule: { briefSummary: "nul\u0000here and a lone \ud800 surrogate" } })), prepared(study("NCT90000003"))];
    const bad = prepared(study("NCT90000004"));
    bad.normalized.trial.startDate = "0000-12-31"; // got past validation somehow: Postgres must not sink the page
    const counts = await writePage(world.database.prisma, claim.runId, { valid: [good[0]!, bad, good[1]!, good[2]!], invalid: [], trackSeen: false }, 1);
    expect(counts).toMatchObject({ inserted: 3, invalid: 1, fetched: 4 });
    const quarantined = await world.database.prisma.invalidRecord.findMany({ where: { runId: claim.runId } });
    expect(quarantined.map((q) => q.nctId)).toEqual(["NCT90000004"]);
    expect(quarantined[0]!.error).toMatch(/rejected by the database/);
    const cleaned = await world.database.prisma.trial.findUniqueOrThrow({ where: { nctId: "NCT90000002" } });
    expect(cleaned.briefSummary).toBe("nulhere and a lone \ufffd surrogate");
    const run = await world.database.prisma.syncRun.findUniqueOrThrow({ where: { id: claim.runId } });
    expect(run.pagesDone).toBe(1);
    await world.database.prisma.syncRun.update({ where: { id: claim.runId }, data: { status: "succeeded" } });
    await world.database.prisma.trial.deleteMany({ where: { nctId: { startsWith: "NCT9000000" } } });
  });

  it("a process whose run was marked abandoned cannot write another page", async () => {
    const claim = await claimRun(world.database.prisma, "incremental", "cli");
    if (!claim.ok) throw new Error("busy");
    await world.database.prisma.syncRun.update({ where: { id: claim.runId }, data: { status: "abandoned" } });
    await expect(writePage(world.database.prisma, claim.runId, { valid: [prepared(study("NCT90000009"))], invalid: [], trackSeen: false }, 1)).rejects.toThrow(/no longer running/);
    expect(await world.database.prisma.trial.count({ where: { nctId: "NCT90000009" } })).toBe(0);
  });

  it("a full run cut short fails and marks nothing removed", async () => {
    const before = await world.database.prisma.trial.count({ where: { removedAt: null } });
    expect(before).toBeGreaterThan(100);
    // A server that stops handing out page tokens after the first page, though it promised more.
    class ShortClient extends CtgovClient {
      override async studiesPage(params: URLSearchParams, token: string | null, signal?: AbortSignal): Promise<StudiesPage> {
        const page = await super.studiesPage(params, token, signal);
        return { ...page, nextPageToken: null };
      }
    }
    const client = new ShortClient({ baseUrl: world.standin.url, rateLimitPerMin: 60_000 });
    const outcome = await syncOnce(world.database.prisma, client, "full", 50);
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/saw 50 of the \d+ studies/);
    expect(await world.database.prisma.trial.count({ where: { removedAt: null } })).toBe(before);
  });

  it("a record dated in the future does not pin the incremental window there", async () => {
    const raw = (await world.database.prisma.trial.findFirstOrThrow({ where: { removedAt: null }, orderBy: { nctId: "asc" } })).raw as {
      protocolSection: { statusModule: { lastUpdatePostDateStruct: { date: string } } };
    };
    const future = structuredClone(raw);
    future.protocolSection.statusModule.lastUpdatePostDateStruct.date = "2099-01-01";
    world.standin.upsertStudy(future);
    const outcome = await syncOnce(world.database.prisma, standinClient(world.standin.url), "incremental");
    expect(outcome.status).toBe("succeeded");
    const run = await world.database.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.highWater!.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
