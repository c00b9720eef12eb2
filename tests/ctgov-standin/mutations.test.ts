import { afterEach, describe, expect, it } from "vitest";
import { loadRecords } from "./doc";
import { DEFAULT_DATA_DIRS, startStandin } from "./server";
import { get, idOf, post, runningStandin, type StudyLike } from "./test-helpers";

const running = runningStandin();
const original = loadRecords(DEFAULT_DATA_DIRS).get("NCT06325566") as unknown as StudyLike;
const originalTitle = (original.protocolSection.identificationModule as { briefTitle: string }).briefTitle;

afterEach(() => running.standin.resetData());

/** The record with a new LastUpdatePostDate and title, as a test would make it. */
function bumped(date: string): StudyLike {
  const copy = structuredClone(original);
  copy.protocolSection.statusModule.lastUpdatePostDateStruct = { date };
  (copy.protocolSection.identificationModule as { briefTitle?: string }).briefTitle = "Changed title";
  return copy;
}

const since = (date: string) => new URLSearchParams({ "filter.advanced": `AREA[LastUpdatePostDate]RANGE[${date},MAX]`, pageSize: "1000" });
const title = async (id: string) => ((await get(running.base, `/studies/${id}`)).json.protocolSection as { identificationModule: { briefTitle?: string } }).identificationModule.briefTitle;

describe("data mutations, in process", () => {
  it("upsertStudy replaces a record; a LastUpdatePostDate range then finds it", async () => {
    expect(running.standin.studyIds(since("2030-01-01"))).toEqual([]);
    running.standin.upsertStudy(bumped("2030-02-01"));
    expect(await title("NCT06325566")).toBe("Changed title");
    expect((await get(running.base, since("2030-01-01"))).json.studies.map(idOf)).toEqual(["NCT06325566"]);
    expect(running.standin.studyCount()).toBe(1151);
  });

  it("upsertStudy adds a new record and refuses one without a valid nctId", async () => {
    const added = bumped("2030-02-01");
    added.protocolSection.identificationModule.nctId = "NCT09999999";
    running.standin.upsertStudy(added);
    expect(running.standin.studyCount()).toBe(1152);
    expect((await get(running.base, "/studies/NCT09999999")).status).toBe(200);
    expect(() => running.standin.upsertStudy({ protocolSection: { identificationModule: { nctId: "12" } } })).toThrow(/nctId/);
    running.standin.restoreStudy("NCT09999999"); // an added study has no directory version: it goes away
    expect((await get(running.base, "/studies/NCT09999999")).status).toBe(404);
  });

  it("removeStudy hides a record everywhere; restoreStudy brings the directory version back", async () => {
    running.standin.upsertStudy(bumped("2030-02-01"));
    running.standin.removeStudy("NCT06325566");
    expect((await get(running.base, "/studies/NCT06325566")).status).toBe(404);
    expect(running.standin.studyIds(new URLSearchParams({ "query.intr": "rexlemestrocel" }))).not.toContain("NCT06325566");
    expect(running.standin.studyCount()).toBe(1150);
    running.standin.restoreStudy("NCT06325566");
    expect(await title("NCT06325566")).toBe(originalTitle);
    expect(() => running.standin.removeStudy("NCT00000001")).toThrow(/not served/);
  });

  it("resetData undoes every change", async () => {
    running.standin.upsertStudy(bumped("2030-02-01"));
    running.standin.removeStudy("NCT04042844");
    running.standin.resetData();
    expect((await get(running.base, "/studies/NCT04042844")).status).toBe(200);
    expect(running.standin.studyIds(since("2030-01-01"))).toEqual([]);
    expect(running.standin.studyCount()).toBe(1151);
  });
});

describe("data mutations, over HTTP", () => {
  it("POST /__control/studies, /remove, /restore and /data/reset", async () => {
    const put = await post(running.base, "/studies", bumped("2031-03-03"));
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ nctId: "NCT06325566" });
    expect(await title("NCT06325566")).toBe("Changed title");

    expect((await post(running.base, "/studies/NCT06325566/remove")).status).toBe(200);
    expect((await get(running.base, "/studies/NCT06325566")).status).toBe(404);
    expect((await post(running.base, "/studies/NCT06325566/restore")).status).toBe(200);
    expect(await title("NCT06325566")).toBe(originalTitle);

    await post(running.base, "/studies", bumped("2031-03-03"));
    expect(await (await post(running.base, "/data/reset")).json()).toEqual({ studies: 1151 });
    expect(await title("NCT06325566")).toBe(originalTitle);
  });

  it("400s bad bodies and unknown ids; 404s unknown control routes", async () => {
    expect((await post(running.base, "/studies", { hello: 1 })).status).toBe(400);
    expect((await post(running.base, "/studies/NCT00000001/remove")).status).toBe(400);
    expect((await post(running.base, "/nothing")).status).toBe(404);
  });

  it("GET /__control/ids lists what a query selects", async () => {
    const r = await fetch(`${running.base.replace("/api/v2", "")}/__control/ids?query.titles=BRTX`);
    expect(await r.json()).toEqual(["NCT04042844"]);
  });

  it("a stand-in started with control: false refuses every control endpoint", async () => {
    const locked = await startStandin({ control: false });
    try {
      const root = locked.url.replace("/api/v2", "");
      expect((await post(locked.url, "/faults", { failRate: 1 })).status).toBe(403);
      expect((await post(locked.url, "/studies/NCT04042844/remove")).status).toBe(403);
      expect((await fetch(`${root}/__control/stats`)).status).toBe(403);
      expect((await fetch(`${locked.url}/studies/NCT04042844`)).status).toBe(200);
    } finally {
      await locked.close();
    }
  });
});
