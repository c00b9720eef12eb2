import { describe, expect, it } from "vitest";
import { runTiming } from "./progress";

const startedAt = new Date(Date.UTC(2026, 10, 24, 12, 0, 0));

describe("runTiming", () => {
  it("estimates the time left from the pace so far", () => {
    expect(runTiming({ status: "running", startedAt, finishedAt: null, pagesDone: 2, pagesExpected: 6 }, startedAt.getTime() + 10_000)).toEqual({ elapsedMs: 10_000, estimatedRemainingMs: 20_000 });
  });
  it("has no estimate before the first page", () => {
    expect(runTiming({ status: "running", startedAt, finishedAt: null, pagesDone: 0, pagesExpected: 6 }, startedAt.getTime() + 500).estimatedRemainingMs).toBeNull();
  });
  it("uses the finish time of a finished run", () => {
    expect(runTiming({ status: "succeeded", startedAt, finishedAt: new Date(startedAt.getTime() + 4000), pagesDone: 2, pagesExpected: 2 }, startedAt.getTime() + 99_000)).toEqual({ elapsedMs: 4000, estimatedRemainingMs: 0 });
  });
});
