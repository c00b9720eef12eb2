import { afterEach, describe, expect, it } from "vitest";
import { startStandin } from "./server";
import { get, idOf, post, runningStandin } from "./test-helpers";

const running = runningStandin();

afterEach(() => {
  running.standin.resetFaults();
  running.standin.resetStats();
});

const statuses = async (n: number, path = "/version") => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await get(running.base, path)).status);
  return out;
};

describe("fault switches", () => {
  it("failRate 1 answers every API request with 500, 502 or 503", async () => {
    running.standin.setFaults({ failRate: 1 });
    const got = await statuses(30);
    expect(got.every((s) => [500, 502, 503].includes(s))).toBe(true);
    expect(new Set(got).size).toBe(3);
    expect(running.standin.stats().faults.failed).toBe(30);
    expect(running.standin.stats().byStatus["200"]).toBeUndefined();
  });

  it("failRate is deterministic for a seed and only fails its share", async () => {
    running.standin.setFaults({ failRate: 0.3, seed: 42 });
    const first = await statuses(60);
    running.standin.setFaults({ seed: 42 });
    const again = await statuses(60);
    expect(again).toEqual(first);
    const failed = first.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(40);
    running.standin.setFaults({ seed: 43 });
    expect(await statuses(60)).not.toEqual(first);
  });

  it("rateLimitNext: the next N requests get 429 with Retry-After", async () => {
    running.standin.setFaults({ rateLimitNext: 2, retryAfterSeconds: 3 });
    const r1 = await get(running.base, "/studies?pageSize=1");
    expect(r1.status).toBe(429);
    expect(r1.headers.get("retry-after")).toBe("3");
    expect((await get(running.base, "/version")).status).toBe(429);
    expect((await get(running.base, "/version")).status).toBe(200);
    expect(running.standin.stats().faults.rateLimited).toBe(2);
  });

  it("rateLimitMax: requests beyond X per window get 429", async () => {
    running.standin.setFaults({ rateLimitMax: 3, rateLimitWindowMs: 60_000, retryAfterSeconds: 60 });
    expect(await statuses(5)).toEqual([200, 200, 200, 429, 429]);
    running.standin.setFaults({ rateLimitWindowMs: 150 }); // a new window
    await new Promise((r) => setTimeout(r, 200));
    expect(await statuses(3)).toEqual([200, 200, 200]);
  });

  it("latencyMs delays every response; spikes add more", async () => {
    running.standin.setFaults({ latencyMs: 150 });
    let t = performance.now();
    await get(running.base, "/version");
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    running.standin.setFaults({ latencyMs: 0, latencySpikeRate: 1, latencySpikeMs: 250 });
    t = performance.now();
    await get(running.base, "/version");
    expect(performance.now() - t).toBeGreaterThanOrEqual(240);
    expect(running.standin.stats().faults).toMatchObject({ delayed: 2, spikes: 1 });
  });

  it("resetRate 1 cuts the connection mid-response", async () => {
    running.standin.setFaults({ resetRate: 1 });
    const res = await fetch(`${running.base}/studies?pageSize=50`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(running.standin.stats().faults.reset).toBe(1);
    running.standin.resetFaults();
    expect((await get(running.base, "/version")).status).toBe(200); // the server itself is fine
  });

  it("truncateRate 1 sends half a JSON body with 200", async () => {
    running.standin.setFaults({ truncateRate: 1 });
    const r = await get(running.base, "/studies?pageSize=5");
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow(SyntaxError);
    expect(r.text.startsWith('{"studies":[{')).toBe(true);
    expect(Number(r.headers.get("content-length"))).toBe(Buffer.byteLength(r.text));
    expect((await get(running.base, "/studies?filter.phase=1")).text).toBe("`filter.phase` is unknown parameter"); // errors are not truncated
  });

  it("brokenStudy serves that record schema-invalid, in lists and alone", async () => {
    running.standin.setFaults({ brokenStudy: "NCT04042844" });
    const list = await get(running.base, "/studies?filter.ids=NCT04042844,NCT06325566");
    expect(list.json.studies.map(idOf)).toEqual([undefined, "NCT06325566"]);
    expect((await get(running.base, "/studies/NCT04042844")).json.protocolSection).toMatchObject({ identificationModule: expect.not.objectContaining({ nctId: expect.anything() }) });
    running.standin.setFaults({ brokenStudyMode: "bad-date" });
    expect((await get(running.base, "/studies/NCT04042844")).json.protocolSection).toMatchObject({ statusModule: { lastUpdatePostDateStruct: { date: "not a date" } } });
    running.standin.setFaults({ brokenStudyMode: "wrong-type" });
    expect((await get(running.base, "/studies/NCT04042844")).json.protocolSection).toMatchObject({ designModule: { phases: "PHASE2" } });
    expect(running.standin.stats().faults.brokenServed).toBe(4);
    running.standin.resetFaults();
    expect((await get(running.base, "/studies/NCT04042844")).json.protocolSection).toMatchObject({ identificationModule: { nctId: "NCT04042844" } });
  });

  it("injectStudy adds a raw object to the first page only", async () => {
    running.standin.setFaults({ injectStudy: { protocolSection: { identificationModule: { briefTitle: "no id" } } } });
    const first = await get(running.base, "/studies?pageSize=2");
    expect(first.json.studies).toHaveLength(3);
    expect(first.json.studies[2]).toEqual({ protocolSection: { identificationModule: { briefTitle: "no id" } } });
    expect((await get(running.base, `/studies?pageSize=2&pageToken=${first.json.nextPageToken}`)).json.studies).toHaveLength(2);
  });

  it("counts requests by route and status", async () => {
    await get(running.base, "/version");
    await get(running.base, "/studies/NCT04042844");
    await get(running.base, "/studies/NCT00000001");
    await get(running.base, "/studies?nope=1");
    expect(running.standin.stats()).toMatchObject({ requests: 4, byRoute: { version: 1, study: 2, studies: 1 }, byStatus: { 200: 2, 404: 1, 400: 1 } });
  });
});

describe("fault control endpoint", () => {
  const control = (route: string) => fetch(`${running.base.replace("/api/v2", "")}/__control${route}`);

  it("sets, reads and resets switches at runtime", async () => {
    const set = await post(running.base, "/faults", { failRate: 1, failStatuses: [502] });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ failRate: 1, failStatuses: [502] });
    expect(await statuses(2)).toEqual([502, 502]);
    expect(await (await control("/stats")).json()).toMatchObject({ requests: 2, faults: { failed: 2 } });
    expect((await post(running.base, "/faults/reset")).status).toBe(200);
    expect(await statuses(1)).toEqual([200]);
  });

  it("400s unknown switches and bad values, changing nothing", async () => {
    const bad = await post(running.base, "/faults", { failRate: 2 });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/failRate/);
    expect((await post(running.base, "/faults", { flakiness: 1 })).status).toBe(400);
    expect(running.standin.faults().failRate).toBe(0);
  });

  it("takes switches at start too", async () => {
    const other = await startStandin({ faults: { failRate: 1, failStatuses: [503] } });
    try {
      expect((await fetch(`${other.url}/version`)).status).toBe(503);
    } finally {
      await other.close();
    }
  });
});
