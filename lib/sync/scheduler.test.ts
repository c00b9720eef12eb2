import { describe, expect, it } from "vitest";
import { nextRunsFor } from "./scheduler";

describe("nextRunsFor", () => {
  it("gives the next incremental and full run times in UTC", () => {
    const { incremental, full } = nextRunsFor("30 15 * * 1-5", "0 4 * * 0");
    expect(incremental).toBeInstanceOf(Date);
    expect(full).toBeInstanceOf(Date);
    expect(incremental!.getUTCHours()).toBe(15);
    expect(incremental!.getUTCMinutes()).toBe(30);
    expect([1, 2, 3, 4, 5]).toContain(incremental!.getUTCDay());
    expect(full!.getUTCDay()).toBe(0);
    expect(full!.getUTCHours()).toBe(4);
    expect(incremental!.getTime()).toBeGreaterThan(Date.now());
  });
});
