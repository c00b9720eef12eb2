import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadRecords } from "./doc";
import { DEFAULT_DATA_DIRS, type Standin, startStandin } from "./server";
import { get, idOf, post, type StudyLike } from "./test-helpers";

let standin: Standin;
let base: string;
const original = loadRecords(DEFAULT_DATA_DIRS).get("NCT06325566") as unknown as StudyLike;
const originalTitle = (original.protocolSection.identificationModule as { briefTitle: string }).briefTitle;

beforeAll(async () => {
  standin = await startStandin();
  base = standin.url;
});
afterAll(() => standin.close());
afterEach(() => standin.resetData());

/** The record with a new LastUpdatePostDate and title, as a test would make it. */
function bumped(date: string): StudyLike {
  const copy = structuredClone(original);
  copy.protocolSection.statusModule.lastUpdatePostDateStruct = { date };
  (copy.protocolSection.identificationModule as { briefTitle?: string }).briefTitle = "Changed title";
  return copy;
}

const since = (date: string) => new URLSearchParams({ "filter.advanced": `AREA[LastUpdatePostDate]RANGE[${date},MAX]`, pageSize: "1000" });
const title = async (id: string) => ((await get(base, `/studies/${id}`)).json.protocolSection as { identificationModule: { briefTitle?: string } }).identificationModule.briefTitle;

describe("data mutations, in process", () => {
  it("upsertStudy replaces a record; a LastUpdatePostDate range then finds it", async () => {
    expect(standin.studyIds(since("2030-01-01"))).toEqual([]);
    standin.upsertStudy(bumped("2030-02-01"));
    expect(await title("NCT06325566")).toBe("Changed title");
    expect((await get(base, since("2030-01-01"))).json.studies.map(idOf)).toEqual(["NCT06325566"]);
    expect(standin.studyCount()).toBe(1151);
  });

  it("upsertStudy adds a new record and refuses one without a valid nctId", async () => {
    const added = bumped("2030-02-01");
    added.protocolSection.identificationModule.nctId = "NCT09999999";
    standin.upsertStudy(added);
    expect(standin.studyCount()).toBe(1152);
    expect((await get(base, "/studies/NCT09999999")).status).toBe(200);
    expect(() => standin.upsertStudy({ protocolSection: { identificationModule: { nctId: "12" } } })).toThrow(/nctId/);
    standin.restoreStudy("NCT09999999"); // an added study has no directory version: it goes away
    expect((await get(base, "/studies/NCT09999999")).status).toBe(404);
  });

  it("removeStudy hides a record everywhere; restoreStudy brings the directory version back", async () => {
    standin.upsertStudy(bumped("2030-02-01"));
    standin.removeStudy("NCT06325566");
    expect((await get(base, "/studies/NCT06325566")).status).toBe(404);
    expect(standin.studyIds(new URLSearchParams({ "query.intr": "rexlemestrocel" }))).not.toContain("NCT06325566");
    expect(standin.studyCount()).toBe(1150);
    standin.restoreStudy("NCT06325566");
    expect(await title("NCT06325566")).toBe(originalTitle);
    expect(() => standin.removeStudy("NCT00000001")).toThrow(/not served/);
  });

  it("resetData undoes every change", async () => {
    standin.upsertStudy(bumped("2030-02-01"));
    standin.removeStudy("NCT04042844");
    standin.resetData();
    expect((await get(base, "/studies/NCT04042844")).status).toBe(200);
    expect(standin.studyIds(since("2030-01-01"))).toEqual([]);
    expect(standin.studyCount()).toBe(1151);
  });
});

describe("data mutations, over HTTP", () => {
  it("POST /__control/studies, /remove, /restore and /data/reset", async () => {
    const put = await post(base, "/studies", bumped("2031-03-03"));
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ nctId: "NCT06325566" });
    expect(await title("NCT06325566")).toBe("Changed title");

    expect((await post(base, "/studies/NCT06325566/remove")).status).toBe(200);
    expect((await get(base, "/studies/NCT06325566")).status).toBe(404);
    expect((await post(base, "/studies/NCT06325566/restore")).status).toBe(200);
    expect(await title("NCT06325566")).toBe(originalTitle);

    await post(base, "/studies", bumped("2031-03-03"));
    expect(await (await post(base, "/data/reset")).json()).toEqual({ studies: 1151 });
    expect(await title("NCT06325566")).toBe(originalTitle);
  });

  it("400s bad bodies and unknown ids; 404s unknown control routes", async () => {
    expect((await post(base, "/studies", { hello: 1 })).status).toBe(400);
    expect((await post(base, "/studies/NCT00000001/remove")).status).toBe(400);
    expect((await post(base, "/nothing")).status).toBe(404);
  });

  it("GET /__control/ids lists what a query selects", async () => {
    const r = await fetch(`${base.replace("/api/v2", "")}/__control/ids?query.titles=BRTX`);
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
