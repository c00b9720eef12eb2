import { describe, expect, it } from "vitest";
import { runView } from "./data";

const t0 = Date.UTC(2026, 10, 24, 12);
const row = {
  id: 7,
  mode: "full",
  trigger: "schedule",
  status: "running",
  startedAt: new Date(t0),
  finishedAt: null,
  heartbeatAt: new Date(t0),
  host: "h",
  pid: 1,
  query: null,
  since: null,
  highWater: null,
  dataTimestamp: "2026-11-24T09:00:00",
  fetched: 100,
  inserted: 90,
  updated: 5,
  unchanged: 4,
  removed: 0,
  restored: 0,
  invalid: 1,
  pagesDone: 1,
  pagesExpected: 4,
  totalExpected: 400,
  error: null,
};

describe("runView", () => {
  it("reports counts, pages, timing and an estimate for a running run", () => {
    const v = runView(row, t0 + 30_000);
    expect(v).toMatchObject({ runId: 7, status: "running", trigger: "schedule", pagesDone: 1, pagesExpected: 4, elapsedMs: 30_000, estimatedRemainingMs: 90_000, heartbeatStale: false });
    expect(v.counts).toEqual({ fetched: 100, inserted: 90, updated: 5, unchanged: 4, removed: 0, restored: 0, invalid: 1 });
  });

  it("flags a running run whose heartbeat is older than the lock's TTL", () => {
    expect(runView(row, t0 + 10 * 60_000).heartbeatStale).toBe(true);
    expect(runView({ ...row, status: "failed", finishedAt: new Date(t0 + 1000) }, t0 + 10 * 60_000).heartbeatStale).toBe(false);
  });
});
