import { describe, expect, it } from "vitest";
import { allPages, get, idOf, runningStandin } from "./test-helpers";

const running = runningStandin();


const herniated = new URLSearchParams({ "query.cond": '"disc herniation" OR "herniated disc"', countTotal: "true" });

describe("paging", () => {
  it("walks several pages with pageToken, totalCount on the first page only", async () => {
    const expected = running.standin.studyIds(herniated);
    expect(expected.length).toBeGreaterThan(50);
    const p = new URLSearchParams(herniated);
    p.set("pageSize", "20");
    const pages = await allPages(running.base, p);
    expect(pages.length).toBe(Math.ceil(expected.length / 20));
    expect(pages[0]!.totalCount).toBe(expected.length);
    for (const page of pages.slice(1)) expect(page).not.toHaveProperty("totalCount");
    expect(pages.flatMap((pg) => pg.studies.map(idOf))).toEqual(expected);
    expect(pages.at(-1)).not.toHaveProperty("nextPageToken");
    for (const page of pages.slice(0, -1)) expect(page.nextPageToken).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("defaults pageSize to 10 and coerces sizes over 1000 down to 1000", async () => {
    expect((await get(running.base, "/studies")).json.studies).toHaveLength(10);
    expect((await get(running.base, "/studies?pageSize=0")).json.studies).toHaveLength(10);
    const big = await get(running.base, "/studies?pageSize=99999");
    expect(big.status).toBe(200);
    expect(big.json.studies).toHaveLength(1000);
    expect(big.json.nextPageToken).toBeTruthy();
  });

  it("lets a later page change only pageSize, countTotal and pageToken", async () => {
    const first = await get(running.base, "/studies?query.cond=disc&pageSize=5");
    const token = first.json.nextPageToken!;
    const sameParams = await get(running.base, `/studies?query.cond=disc&pageSize=7&countTotal=true&pageToken=${token}`);
    expect(sameParams.status).toBe(200);
    expect(sameParams.json.studies).toHaveLength(7);
    expect(sameParams.json).not.toHaveProperty("totalCount");
    expect(idOf(sameParams.json.studies[0]!)! > idOf(first.json.studies[4]!)!).toBe(true);

    const changed = await get(running.base, `/studies?query.cond=back&pageSize=5&pageToken=${token}`);
    expect(changed.status).toBe(400);
    expect(changed.headers.get("content-type")).toMatch(/^text\/plain/);
    const dropped = await get(running.base, `/studies?pageSize=5&pageToken=${token}`);
    expect(dropped.status).toBe(400);
  });

  it("400s a malformed or foreign pageToken in plain text", async () => {
    for (const token of ["not a token!", "NF0g5JaGmg", Buffer.from('["x","NCT00000410"]').toString("base64url")]) {
      const r = await get(running.base, `/studies?pageToken=${encodeURIComponent(token)}`);
      expect(r.status).toBe(400);
      expect(r.text).toMatch(/pageToken/);
    }
  });

  it("resumes after the last study served even when studies change between pages", async () => {
    const p = new URLSearchParams({ "filter.ids": "NCT00000410,NCT00124774,NCT00220935,NCT00353704", pageSize: "2" });
    const first = await get(running.base, p);
    expect(first.json.studies.map(idOf)).toEqual(["NCT00000410", "NCT00124774"]);
    running.standin.removeStudy("NCT00000410");
    try {
      p.set("pageToken", first.json.nextPageToken!);
      expect((await get(running.base, p)).json.studies.map(idOf)).toEqual(["NCT00220935", "NCT00353704"]);
    } finally {
      running.standin.resetData();
    }
  });

  it("pages a date sort without losing or repeating studies", async () => {
    const p = new URLSearchParams({ "query.cond": "disc", sort: "LastUpdatePostDate", pageSize: "7" });
    const ids = (await allPages(running.base, p)).flatMap((pg) => pg.studies.map(idOf));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...running.standin.studyIds(new URLSearchParams({ "query.cond": "disc" }))].sort());
  });
});

describe("exact-full-last-page quirk", () => {
  const twenty = new URLSearchParams({ "query.cond": "disc", pageSize: "10" });

  it("off: a full last page has no nextPageToken", async () => {
    const ids = running.standin.studyIds(twenty).slice(0, 20);
    const p = new URLSearchParams({ "filter.ids": ids.join(","), pageSize: "10" });
    const pages = await allPages(running.base, p);
    expect(pages.map((pg) => pg.studies.length)).toEqual([10, 10]);
  });

  it("on: a full last page carries a token whose page is exactly {\"studies\":[]}", async () => {
    running.standin.setFaults({ exactFullLastPageQuirk: true });
    try {
      const ids = running.standin.studyIds(twenty).slice(0, 20);
      const p = new URLSearchParams({ "filter.ids": ids.join(","), pageSize: "10" });
      const second = await get(running.base, `/studies?${p}&pageToken=${(await get(running.base, p)).json.nextPageToken}`);
      expect(second.json.studies).toHaveLength(10);
      expect(second.json.nextPageToken).toBeTruthy();
      const third = await get(running.base, `/studies?${p}&pageToken=${second.json.nextPageToken}`);
      expect(third.text).toBe('{"studies":[]}');
      // A last page that is not full is unaffected.
      const p19 = new URLSearchParams({ "filter.ids": ids.slice(0, 19).join(","), pageSize: "10" });
      expect((await allPages(running.base, p19)).map((pg) => pg.studies.length)).toEqual([10, 9]);
      expect(running.standin.stats().faults.quirkTokens).toBe(1);
    } finally {
      running.standin.resetFaults();
    }
  });
});
