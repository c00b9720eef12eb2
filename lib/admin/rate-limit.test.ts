import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

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
