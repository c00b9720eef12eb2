import { describe, expect, it } from "vitest";
import { loadRecords } from "./doc";
import { dateOf } from "./fields";
import { DEFAULT_DATA_DIRS, startStandin } from "./server";
import { allPages, bundledIndex, get, idOf, runningStandin } from "./test-helpers";

const running = runningStandin({ dataTimestamp: "2025-01-06T09:00:00" });
const records = loadRecords(DEFAULT_DATA_DIRS);
const allIds = [...records.keys()].sort();


describe("endpoints", () => {
  it("serves the bundled 848 v2 and 303 v1-converted records", () => {
    expect(bundledIndex()).toHaveLength(848);
    expect(records.size).toBe(848 + 303);
    expect(running.standin.studyCount()).toBe(1151);
  });

  it("GET /version answers like the real API", async () => {
    const r = await get(running.base, "/version");
    expect(r.status).toBe(200);
    expect(r.text).toBe('{"apiVersion":"2.0.5","dataTimestamp":"2025-01-06T09:00:00"}');
  });

  it("defaults dataTimestamp to the newest versionHolder at 09:00:00", async () => {
    const other = await startStandin({ control: false });
    try {
      const newest = [...records.values()].map((r) => (r.derivedSection as { miscInfoModule: { versionHolder: string } }).miscInfoModule.versionHolder).sort().at(-1);
      expect((await get(other.url, "/version")).json.dataTimestamp).toBe(`${newest}T09:00:00`);
    } finally {
      await other.close();
    }
  });

  it("GET /studies/{nctId} returns the recorded record unchanged", async () => {
    const r = await get(running.base, "/studies/NCT04042844");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json");
    expect(r.json).toEqual(records.get("NCT04042844"));
  });

  it("404s an unknown id in plain text and 400s a malformed one", async () => {
    const missing = await get(running.base, "/studies/NCT00000001");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(missing.text).toContain("NCT00000001");
    expect((await get(running.base, "/studies/NCT-banana")).status).toBe(400);
  });

  it("400s unknown parameters with the real API's exact plain-text wording", async () => {
    for (const [query, name] of [["filter.phase=PHASE3", "filter.phase"], ["query.cond=x&query.recrs=COMPLETED", "query.recrs"], ["filter.intervention=aspirin", "filter.intervention"]]) {
      const r = await get(running.base, `/studies?${query}`);
      expect(r.status).toBe(400);
      expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(r.text).toBe(`\`${name}\` is unknown parameter`);
    }
    expect((await get(running.base, "/studies/NCT04042844?pageSize=2")).text).toBe("`pageSize` is unknown parameter");
    expect((await get(running.base, "/version?x=1")).text).toBe("`x` is unknown parameter");
  });

  it("400s invalid values: bad Essie, status, pageSize, sort", async () => {
    expect((await get(running.base, "/studies?query.term=(disc")).status).toBe(400);
    expect((await get(running.base, "/studies?filter.overallStatus=OPEN")).status).toBe(400);
    expect((await get(running.base, "/studies?pageSize=-1")).status).toBe(400);
    expect((await get(running.base, "/studies?sort=EnrollmentCount")).status).toBe(400);
    expect((await get(running.base, "/studies?format=csv")).status).toBe(400);
  });
});

describe("search parameters", () => {
  const ids = async (params: Record<string, string>) =>
    (await allPages(running.base, new URLSearchParams({ pageSize: "1000", ...params }))).flatMap((p) => p.studies.map((st) => idOf(st)!));

  it("returns every study in NCT id order when nothing is asked", async () => {
    expect(await ids({})).toEqual(allIds);
  });

  it("scopes each query parameter to its search area", async () => {
    // "Boramae" is only a site's name: query.term searches sites, query.cond does not.
    expect(await ids({ "query.term": "Boramae" })).toContain("NCT02474342");
    expect(await ids({ "query.cond": "Boramae" })).toEqual([]);
    expect(await ids({ "query.titles": "BRTX" })).toEqual(["NCT04042844"]);
    expect(await ids({ "query.intr": "rexlemestrocel" })).toEqual(expect.arrayContaining(["NCT06325566", "NCT02412735"]));
    expect(await ids({ "query.cond": "asthma" })).toContain("NCT00410098"); // "Bikram Yoga and Asthma"
    expect(await ids({ "query.cond": "asthma NOT bikram" })).not.toContain("NCT00410098");
  });

  it("ANDs different parameters", async () => {
    const cond = await ids({ "query.cond": '"degenerative disc disease"' });
    const both = await ids({ "query.cond": '"degenerative disc disease"', "query.intr": "mesenchymal" });
    expect(both.length).toBeGreaterThan(3);
    expect(both.length).toBeLessThan(cond.length);
    expect(both.every((id) => cond.includes(id))).toBe(true);
  });

  it("filter.overallStatus keeps the listed statuses", async () => {
    const got = await ids({ "filter.overallStatus": "RECRUITING|NOT_YET_RECRUITING" });
    const want = allIds.filter((id) => ["RECRUITING", "NOT_YET_RECRUITING"].includes(((records.get(id)!.protocolSection as { statusModule: { overallStatus: string } }).statusModule.overallStatus)));
    expect(want.length).toBeGreaterThan(10);
    expect(got).toEqual(want);
  });

  it("filter.ids takes comma or pipe lists, any case, leading zeros optional", async () => {
    expect(await ids({ "filter.ids": "nct04042844|NCT06325566,NCT00000410, NCT99999999" })).toEqual(["NCT00000410", "NCT04042844", "NCT06325566"]);
    expect(await ids({ "filter.ids": "NCT4042844" })).toEqual(["NCT04042844"]);
  });

  it("filter.advanced date ranges: open-ended, closed, other date fields", async () => {
    const byDate = (field: string, lo: string, hi: string) => allIds.filter((id) => {
      const d = dateOf(records.get(id)!, field);
      return d !== undefined && d.length === 10 && d >= lo && d <= hi;
    });
    const since = await ids({ "filter.advanced": "AREA[LastUpdatePostDate]RANGE[2024-01-15,MAX]" });
    expect(since).toEqual(byDate("LastUpdatePostDate", "2024-01-15", "9999"));
    expect(since.length).toBeGreaterThan(50);
    expect(since.length).toBeLessThan(allIds.length - 50);
    expect(await ids({ "filter.advanced": "AREA[LastUpdatePostDate]RANGE[MIN,2010-12-31]" })).toEqual(byDate("LastUpdatePostDate", "0000", "2010-12-31"));
    expect(await ids({ "filter.advanced": "AREA[LastUpdatePostDate]RANGE[2022-01-01,2022-01-31]" })).toEqual(byDate("LastUpdatePostDate", "2022-01-01", "2022-01-31"));
    const firstPosted = await ids({ "filter.advanced": "AREA[StudyFirstPostDate]RANGE[2023-01-01,2023-12-31]" });
    expect(firstPosted).toEqual(byDate("StudyFirstPostDate", "2023-01-01", "2023-12-31"));
    expect(firstPosted.length).toBeGreaterThan(0);
  });

  it("sorts by LastUpdatePostDate (newest first by default) and accepts @relevance", async () => {
    const sorted = (await allPages(running.base, new URLSearchParams({ sort: "LastUpdatePostDate", pageSize: "1000" }))).flatMap((p) => p.studies);
    const dates = sorted.map((s) => s.protocolSection.statusModule.lastUpdatePostDateStruct!.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const asc = await ids({ sort: "LastUpdatePostDate:asc", "filter.ids": "NCT00000410,NCT06325566,NCT04042844" });
    expect(asc.map((id) => dateOf(records.get(id)!, "LastUpdatePostDate"))).toEqual(asc.map((id) => dateOf(records.get(id)!, "LastUpdatePostDate")).sort());
    expect(await ids({ sort: "@relevance", "query.titles": "BRTX" })).toEqual(["NCT04042844"]);
  });

  it("fields keeps just the named pieces", async () => {
    const r = await get(running.base, "/studies?filter.ids=NCT04042844&fields=NCTId|LastUpdatePostDate");
    const { lastUpdatePostDateStruct } = (records.get("NCT04042844")!.protocolSection as { statusModule: Record<string, unknown> }).statusModule;
    expect(lastUpdatePostDateStruct).toBeDefined();
    expect(r.json.studies).toEqual([{ protocolSection: { identificationModule: { nctId: "NCT04042844" }, statusModule: { lastUpdatePostDateStruct } } }]);
  });
});
