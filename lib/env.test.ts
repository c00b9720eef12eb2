import { describe, expect, it } from "vitest";
import { mapTiles, parseEnv, trustedProxies } from "./env";

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

  it("rejects a CTGOV_BASE_URL with credentials, naming the variable and never echoing the value", () => {
    for (const url of ["https://alice:s3cr3t-pw@clinicaltrials.gov/api/v2", "https://alice@clinicaltrials.gov/api/v2"]) {
      let message = "";
      try {
        parseEnv({ CTGOV_BASE_URL: url });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/CTGOV_BASE_URL must not contain credentials/);
      expect(message).not.toContain("s3cr3t");
      expect(message).not.toContain("alice");
    }
    expect(parseEnv({ CTGOV_BASE_URL: "http://127.0.0.1:8080/api/v2" }).CTGOV_BASE_URL).toBe("http://127.0.0.1:8080/api/v2");
  });

  it("rejects a DATABASE_URL that is not a URL, naming the variable and never echoing the value", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "postgresql://app:pw@[secret/app" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL is not a valid URL/);
    expect(message).not.toContain("secret");
    expect(() => parseEnv({ DATABASE_URL: "postgres://db:notaport/app" })).toThrow(/DATABASE_URL is not a valid URL/);
    expect(parseEnv({ DATABASE_URL: " postgresql://app:p%40ss@db:5432/app " }).DATABASE_URL).toBe("postgresql://app:p%40ss@db:5432/app");
  });
});

describe("TRUST_PROXY", () => {
  it("is empty by default (trust no proxy), accepts addresses and CIDR ranges, and names itself when wrong", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe("");
    expect(parseEnv({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8, ::1" }).TRUST_PROXY).toBe("127.0.0.1, 10.0.0.0/8, ::1");
    expect(() => parseEnv({ TRUST_PROXY: "my-proxy.internal" })).toThrow(/TRUST_PROXY must be empty or a comma-separated list/);
  });

  it("a bad value trusts nobody rather than everybody", () => {
    expect(trustedProxies({ TRUST_PROXY: "10.0.0.0/99" }).entries).toEqual([]);
    expect(trustedProxies({ TRUST_PROXY: "10.0.0.1" }).entries).toEqual(["10.0.0.1"]);
  });
});

describe("mapTiles", () => {
  it("defaults to OpenStreetMap and gives the origin the CSP must allow", () => {
    expect(mapTiles({})).toMatchObject({ url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png", origin: "https://tile.openstreetmap.org" });
  });
  it("turns {s} subdomains into a wildcard host", () => {
    expect(mapTiles({ MAP_TILE_URL: "https://{s}.tiles.example.org/{z}/{x}/{y}.png" }).origin).toBe("https://*.tiles.example.org");
  });
  it("turns the background off when empty or invalid, never throwing", () => {
    expect(mapTiles({ MAP_TILE_URL: "" })).toMatchObject({ url: "", origin: null });
    expect(mapTiles({ MAP_TILE_URL: "javascript:alert(1)" })).toMatchObject({ url: "", origin: null });
    expect(() => parseEnv({ MAP_TILE_URL: "https://x.org/tiles.png" })).toThrow(/MAP_TILE_URL/);
  });
});
