import { describe, expect, it } from "vitest";
import { topicQueryParams } from "../../lib/ctgov/topic";
import { loadRecords } from "./doc";
import { dateOf, type Raw } from "./fields";
import { DEFAULT_DATA_DIRS, startStandin } from "./server";
import { shiftDate } from "./synthetic";
import { allPages, get, idOf, runningStandin, type StudyLike } from "./test-helpers";

const N = 500;
const records = loadRecords(DEFAULT_DATA_DIRS);
const running = runningStandin({ synthetic: N });


type Location = NonNullable<NonNullable<StudyLike["protocolSection"]["contactsLocationsModule"]>["locations"]>[number];
const syntheticIds = (ids: string[]) => ids.filter((id) => id.startsWith("NCT9"));
const templateOf = (s: StudyLike) => /^SYNTHETIC-(NCT9\d{7})-FROM-(NCT\d{8})$/.exec(s.protocolSection.identificationModule.orgStudyIdInfo?.id ?? "");

describe("synthetic studies", () => {
  it("serves N extra studies with unique, clearly generated ids", () => {
    const ids = running.standin.studyIds();
    expect(ids).toHaveLength(1151 + N);
    const syn = syntheticIds(ids);
    expect(syn).toHaveLength(N);
    expect(new Set(syn).size).toBe(N);
    expect(syn[0]).toBe("NCT90000000");
    expect(syn.at(-1)).toBe(`NCT9${String(N - 1).padStart(7, "0")}`);
    expect(running.standin.studyCount()).toBe(1151 + N);
  });

  it("are all selected by the topic query (so a topic sync ingests them)", () => {
    const topic = running.standin.studyIds(topicQueryParams());
    expect(syntheticIds(topic)).toHaveLength(N);
  });

  it("are marked, keep versionHolder, shift dates back and move sites to real places", async () => {
    const pages = await allPages(running.standin.url, new URLSearchParams({ "filter.ids": syntheticIds(running.standin.studyIds()).slice(0, 60).join(","), pageSize: "25" }));
    const studies = pages.flatMap((p) => p.studies);
    expect(studies).toHaveLength(60);
    const place = (l: Location) => JSON.stringify([l.facility, l.city, l.state, l.zip, l.country, l.geoPoint]);
    const realPlaces = new Set<string>();
    for (const raw of records.values()) {
      for (const l of (raw as unknown as StudyLike).protocolSection.contactsLocationsModule?.locations ?? []) if (l.geoPoint) realPlaces.add(place(l));
    }
    let moved = 0;
    for (const s of studies) {
      const m = templateOf(s);
      expect(m?.[1]).toBe(idOf(s));
      const template = records.get(m![2]!)!;
      expect((s as unknown as Raw).derivedSection).toEqual(template.derivedSection);
      const date = s.protocolSection.statusModule.lastUpdatePostDateStruct!.date;
      const was = dateOf(template, "LastUpdatePostDate")!;
      expect(date < was).toBe(true);
      expect(date >= shiftDate(was, -1095)).toBe(true);
      for (const l of s.protocolSection.contactsLocationsModule?.locations ?? []) {
        // A real site: facility, city, state, zip, country and geoPoint all from one real location.
        expect(realPlaces.has(place(l))).toBe(true);
        moved++;
      }
    }
    expect(moved).toBeGreaterThan(60);
  });

  it("are the same in every run", async () => {
    const again = await startStandin({ synthetic: N, control: false });
    try {
      const q = "/studies?filter.ids=NCT90000007,NCT90000123,NCT90000499&pageSize=10";
      const a = await get(running.standin.url, q);
      expect(a.json.studies).toHaveLength(3);
      expect((await get(again.url, q)).text).toBe(a.text);
    } finally {
      await again.close();
    }
  });

  it("take part in filters, sorting and mutations like real ones", async () => {
    const first = (await get(running.standin.url, "/studies/NCT90000042")).json as unknown as StudyLike;
    const date = first.protocolSection.statusModule.lastUpdatePostDateStruct!.date;
    expect(running.standin.studyIds(new URLSearchParams({ "filter.advanced": `AREA[LastUpdatePostDate]RANGE[${date},${date}]` }))).toContain("NCT90000042");
    running.standin.removeStudy("NCT90000042");
    expect((await get(running.standin.url, "/studies/NCT90000042")).status).toBe(404);
    expect(running.standin.studyCount()).toBe(1151 + N - 1);
    running.standin.restoreStudy("NCT90000042");
    expect(running.standin.studyCount()).toBe(1151 + N);
  });

  it("come in revisions: a later one moves the last-update dates forward and changes the summary, nothing else", async () => {
    const ids = ["NCT90000003", "NCT90000250", "NCT90000499"];
    const fetchAll = async () => (await get(running.standin.url, `/studies?filter.ids=${ids.join(",")}&pageSize=10`)).json.studies as unknown as Raw[];
    type Ps = { statusModule: Raw & { lastUpdatePostDateStruct: { date: string }; lastUpdateSubmitDate: string }; descriptionModule?: { briefSummary?: string } };
    const ps = (r: Raw) => r.protocolSection as unknown as Ps;
    expect(running.standin.syntheticRevision()).toBe(0);
    const plain = await fetchAll();
    const control = (body: unknown) => fetch(`${running.standin.url.replace("/api/v2", "")}/__control/synthetic`, { method: "POST", body: JSON.stringify(body) });
    try {
      const set = await control({ revision: 3 });
      expect(await set.json()).toEqual({ count: 1151 + N, revision: 3 });
      const revised = await fetchAll();
      expect(revised).toHaveLength(3);
      for (const [k, r] of revised.entries()) {
        const before = ps(plain[k]!);
        const after = ps(r);
        expect(after.statusModule.lastUpdatePostDateStruct.date).toBe(shiftDate(before.statusModule.lastUpdatePostDateStruct.date, 3));
        expect(after.statusModule.lastUpdateSubmitDate).toBe(shiftDate(before.statusModule.lastUpdateSubmitDate, 3));
        expect(after.descriptionModule?.briefSummary).toMatch(/Synthetic record, update 3\.$/);
        expect(after.descriptionModule?.briefSummary?.startsWith(before.descriptionModule?.briefSummary ?? "")).toBe(true);
        // Everything else is the same record.
        const same = (x: Ps) => ({ ...x, descriptionModule: undefined, statusModule: { ...x.statusModule, lastUpdatePostDateStruct: undefined, lastUpdateSubmitDate: undefined } });
        expect(same(after)).toEqual(same(before));
      }
      // Date filters (what an incremental sync asks) see the new dates.
      const newDate = ps(revised[0]!).statusModule.lastUpdatePostDateStruct.date;
      expect(running.standin.studyIds(new URLSearchParams({ "filter.advanced": `AREA[LastUpdatePostDate]RANGE[${newDate},${newDate}]` }))).toContain(ids[0]);
      expect((await control({ revision: -1 })).status).toBe(400);
      expect((await control({ revision: "2" })).status).toBe(400);
      expect(running.standin.syntheticRevision()).toBe(3);
    } finally {
      await control({ revision: 0 });
    }
    // Back to revision 0: the very same records as before.
    expect(await fetchAll()).toEqual(plain);
  });

  it("start at a given revision", async () => {
    const again = await startStandin({ synthetic: 10, syntheticRevision: 2, control: false });
    try {
      expect(again.syntheticRevision()).toBe(2);
      const r = (await get(again.url, "/studies/NCT90000004")).json as unknown as Raw;
      expect(((r.protocolSection as Raw).descriptionModule as Raw).briefSummary).toMatch(/update 2\.$/);
      expect(() => again.setSyntheticRevision(1.5)).toThrow(/integer/);
    } finally {
      await again.close();
    }
  });

  it("scale to 100,000 without building them up front", async () => {
    const t = performance.now();
    const big = await startStandin({ synthetic: 100_000, control: false });
    try {
      expect(performance.now() - t).toBeLessThan(5_000);
      expect(big.studyCount()).toBe(1151 + 100_000);
      const last = await get(big.url, "/studies/NCT90099999");
      expect(idOf(last.json as unknown as StudyLike)).toBe("NCT90099999");
      expect((await get(big.url, "/studies/NCT90100000")).status).toBe(404);
      const page = await get(big.url, "/studies?query.titles=disc&countTotal=true&pageSize=1000&fields=NCTId");
      expect(page.json.totalCount).toBeGreaterThan(50_000);
      expect(page.json.studies).toHaveLength(1000);
    } finally {
      await big.close();
    }
  });
});
