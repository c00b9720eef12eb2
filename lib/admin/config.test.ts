import { describe, expect, it } from "vitest";
import { adminConfigFrom } from "./config";

describe("adminConfigFrom", () => {
  it("is off, saying how to turn it on, when nothing is configured", () => {
    const c = adminConfigFrom({ ADMIN_PASSWORD: undefined, ADMIN_TOKEN: undefined, SESSION_SECRET: undefined });
    expect(c.enabled).toBe(false);
    expect(!c.enabled && c.reason).toMatch(/ADMIN_PASSWORD.*SESSION_SECRET.*ADMIN_TOKEN/);
  });
  it("never enables password login without a session secret", () => {
    expect(adminConfigFrom({ ADMIN_PASSWORD: "p".repeat(12), ADMIN_TOKEN: undefined, SESSION_SECRET: undefined }).enabled).toBe(false);
    const tokenOnly = adminConfigFrom({ ADMIN_PASSWORD: "p".repeat(12), ADMIN_TOKEN: "t".repeat(24), SESSION_SECRET: undefined });
    expect(tokenOnly).toMatchObject({ enabled: true, password: null, token: "t".repeat(24) });
  });
  it("enables password login with a secret", () => {
    expect(adminConfigFrom({ ADMIN_PASSWORD: "p".repeat(12), ADMIN_TOKEN: undefined, SESSION_SECRET: "s".repeat(32) })).toMatchObject({ enabled: true, password: "p".repeat(12), token: null });
  });
});
