import { describe, expect, it } from "vitest";
import { changesOf } from "../../../lib/changes/data";
import { WATCHED_PART_SQL, watchedPart } from "../../../lib/changes/diff";
import { topicQueryParams } from "../../../lib/ctgov/topic";
import { standinClient, syncOnce } from "../helpers/sync";
import { fileWorld } from "../helpers/world";

// Change history (SPEC §10) recorded by real syncs from the stand-in into a real world.database.

const world = fileWorld();

type Raw = {
  hasResults?: boolean;
  protocolSection: {
    identificationModule: { nctId: string; briefTitle: string };
    statusModule: { overallStatus: string; lastUpdatePostDateStruct?: { date: string } };
    contactsLocationsModule?: { locations?: { facility?: string; city?: string; country?: string; status?: string }[] };
    armsInterventionsModule?: { interventions?: unknown[] };
  };
};

const BRTX = "NCT04042844";
const storedRaw = async (nctId: string) => structuredClone((await world.database.prisma.trial.findUniqueOrThrow({ where: { nctId } })).raw) as Raw;
const changeRows = (runId: number) =>
  world.database.prisma.$queryRawUnsafe<{ nct_id: string; fields: { field: string; from: string | null; to: string | null }[] }[]>(
    `SELECT nct_id, fields FROM trial_change WHERE run_id = $1 ORDER BY nct_id`,
    runId,
  );

describe("change history recorded by the sync", () => {
  let topic: string[] = [];

  it("records `added` once per trial on the first sync into an empty database", async () => {
    topic = world.standin.studyIds(topicQueryParams()).sort();
    const outcome = await syncOnce(world.database.prisma, standinClient(world.standin.url), "full", 50);
    expect(outcome.status).toBe("succeeded");
    const rows = await changeRows(outcome.runId);
    expect(rows.map((r) => r.nct_id)).toEqual(topic);
    expect(rows.every((r) => r.fields.length === 1 && r.fields[0]!.field === "added")).toBe(true);
    expect(await world.database.prisma.trialChangeHead.count()).toBe(topic.length);
  });

  it("records nothing when nothing meaningful changed, even if the records were rewritten", async () => {
    const noisy = topic.find((id) => id !== BRTX)!;
    const raw = await storedRaw(noisy);
    raw.protocolSection.identificationModule.briefTitle = `  ${raw.protocolSection.identificationModule.briefTitle}  `;
    raw.protocolSection.contactsLocationsModule?.locations?.reverse();
    raw.protocolSection.armsInterventionsModule?.interventions?.reverse();
    raw.protocolSection.statusModule.lastUpdatePostDateStruct = { date: "2026-12-01" };
    world.standin.upsertStudy(raw);
    const outcome = await syncOnce(world.database.prisma, standinClient(world.standin.url), "full", 50);
    expect(outcome.status).toBe("succeeded");
    expect(outcome.progress.counts.updated).toBe(1); // the record was rewritten…
    expect(await changeRows(outcome.runId)).toEqual([]); // …but nothing worth telling anyone changed
  });

  it("records exactly a status change, a site added, a removal and results posted, and nothing for the rest", async () => {
    const [removedId, resultsId] = topic.filter((id) => id !== BRTX).slice(1, 3) as [string, string];
    const brtx = await storedRaw(BRTX);
    brtx.protocolSection.statusModule.overallStatus = "ACTIVE_NOT_RECRUITING";
    brtx.protocolSection.contactsLocationsModule!.locations!.push({ facility: "Spine Center", city: "Boston", country: "United States", status: "RECRUITING" });
    world.standin.upsertStudy(brtx);
    const withResults = await storedRaw(resultsId);
    expect(withResults.hasResults ?? false).toBe(false);
    withResults.hasResults = true;
    world.standin.upsertStudy(withResults);
    world.standin.removeStudy(removedId);

    const outcome = await syncOnce(world.database.prisma, standinClient(world.standin.url), "full", 50);
    expect(outcome.status).toBe("succeeded");
    const rows = await changeRows(outcome.runId);
    const byId = Object.fromEntries(rows.map((r) => [r.nct_id, r.fields]));
    expect(Object.keys(byId).sort()).toEqual([BRTX, removedId, resultsId].sort());
    expect(byId[BRTX]).toEqual([
      { field: "status", from: "Recruiting", to: "Active, not recruiting" },
      { field: "sites", from: null, to: "1 site added: Boston" },
    ]);
    expect(byId[resultsId]).toEqual([{ field: "results", from: null, to: "Results posted" }]);
    expect(byId[removedId]).toEqual([{ field: "removed", from: null, to: null }]);

    const head = await world.database.prisma.trialChangeHead.findUniqueOrThrow({ where: { nctId: BRTX } });
    const latest = await world.database.prisma.trialChange.findFirstOrThrow({ where: { nctId: BRTX }, orderBy: { id: "desc" } });
    expect(head.changeId).toBe(latest.id);
  });

  it("records `restored` when a removed trial comes back", async () => {
    const removedId = topic.filter((id) => id !== BRTX)[1]!;
    world.standin.restoreStudy(removedId);
    const outcome = await syncOnce(world.database.prisma, standinClient(world.standin.url), "full", 50);
    expect(outcome.status).toBe("succeeded");
    expect(await changeRows(outcome.runId)).toEqual([{ nct_id: removedId, fields: [{ field: "restored", from: null, to: null }] }]);
  });

  it("reads stored copies cut in SQL to exactly the watched part the comparison is tested with", async () => {
    const rows = await world.database.prisma.$queryRawUnsafe<{ raw: unknown; part: unknown }[]>(`SELECT raw, ${WATCHED_PART_SQL} AS part FROM trial`);
    expect(rows.length).toBe(topic.length);
    for (const r of rows) expect(r.part).toEqual(JSON.parse(JSON.stringify(watchedPart(r.raw))));
  });

  it("answers a trial's history newest first in the SPEC shape", async () => {
    const history = await changesOf(world.database.prisma, BRTX);
    expect(history.nctId).toBe(BRTX);
    expect(history.changes.map((c) => c.fields.map((f) => f.field))).toEqual([["status", "sites"], ["added"]]);
    expect(history.changes[0]!.seenAt >= history.changes[1]!.seenAt).toBe(true);
    expect(typeof history.changes[0]!.runId).toBe("number");
  });
});
