import { describe, expect, it } from "vitest";
import { FailureLimiter, MAX_TRACKED_KEYS } from "./rate-limit";

const opts = { perClient: 3, global: 5, windowMs: 60_000 };

describe("FailureLimiter", () => {
  it("blocks a client after the limit, until its failures leave the window", () => {
    const l = new FailureLimiter(opts);
    for (let i = 0; i < 3; i++) {
      expect(l.check("a", 1000 + i).allowed).toBe(true);
      l.fail("a", 1000 + i);
    }
    const d = l.check("a", 2000);
    expect(d).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect(l.check("b", 2000).allowed).toBe(true);
    expect(l.check("a", 61_001).allowed).toBe(true);
  });

  it("has a global ceiling for clients that keep changing their key", () => {
    const l = new FailureLimiter(opts);
    for (let i = 0; i < 5; i++) l.fail(`spoofed-${i}`, 1000);
    expect(l.check("fresh", 1001).allowed).toBe(false);
    expect(l.check("fresh", 61_001).allowed).toBe(true);
  });

  it("forgets a client's failures when it logs in", () => {
    const l = new FailureLimiter(opts);
    l.fail("a", 1);
    l.fail("a", 2);
    l.succeed("a");
    l.fail("a", 3);
    expect(l.check("a", 4).allowed).toBe(true);
  });
});

describe("FailureLimiter and known devices", () => {
  it("a known device is held to its own ceiling only, so a full shared ceiling does not lock it out", () => {
    const l = new FailureLimiter(opts);
    for (let i = 0; i < 5; i++) l.fail(`ip:attacker-${i}`, 1000);
    expect(l.check("ip:admin", 1001).allowed).toBe(false);
    expect(l.check("device:admin-browser", 1001, { knownDevice: true }).allowed).toBe(true);
    for (let i = 0; i < 3; i++) l.fail("device:admin-browser", 1002);
    expect(l.check("device:admin-browser", 1003, { knownDevice: true }).allowed).toBe(false);
  });

  it("remembers a bounded number of keys however many addresses fail", () => {
    const l = new FailureLimiter({ perClient: 3, global: 1_000_000, windowMs: 60_000 });
    for (let i = 0; i < MAX_TRACKED_KEYS + 500; i++) l.fail(`ip:${i}`, 1000);
    expect((l as unknown as { failures: Map<string, number[]> }).failures.size).toBe(MAX_TRACKED_KEYS);
  });
});
