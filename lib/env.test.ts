import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.CTGOV_BASE_URL).toBe("https://clinicaltrials.gov/api/v2");
    expect(env.SYNC_CRON).toBe("30 15 * * 1-5");
    expect(env.CTGOV_RATE_LIMIT_PER_MIN).toBe(40);
    expect(env.PORT).toBe(3000);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ SYNC_CRON: "every day" })).toThrow(/SYNC_CRON is not a valid cron expression/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT/);
    expect(() => parseEnv({ CTGOV_BASE_URL: "ftp://x" })).toThrow(/CTGOV_BASE_URL/);
  });

  it("requires a session secret when a password is set, and rejects short secrets", () => {
    expect(() => parseEnv({ ADMIN_PASSWORD: "correct horse battery" })).toThrow(/SESSION_SECRET is required/);
    expect(() => parseEnv({ ADMIN_TOKEN: "short" })).toThrow(/ADMIN_TOKEN must be at least 24/);
  });

  it("treats blank secrets as unset", () => {
    expect(parseEnv({ ADMIN_PASSWORD: "  ", ADMIN_TOKEN: "" }).ADMIN_PASSWORD).toBeUndefined();
  });
});
