import { describe, expect, it } from "vitest";
import { clearedSessionCookie, isLocalHost, readCookie, sessionCookie, sessionCookieName, signSession, verifySession, SESSION_TTL_SECONDS } from "./session";

const k = { sessionSecret: "s".repeat(32), password: "correct horse battery" };
const T0 = Date.UTC(2026, 10, 24, 12);

describe("admin session tokens", () => {
  it("verify what they sign, until they expire", () => {
    const { value, payload } = signSession(k, T0);
    expect(verifySession(k, value, T0 + 1000)).toEqual(payload);
    expect(payload.exp - payload.iat).toBe(SESSION_TTL_SECONDS);
    expect(verifySession(k, value, T0 + SESSION_TTL_SECONDS * 1000)).toBeNull();
  });

  it("are refused when tampered with, truncated or signed with another key", () => {
    const { value } = signSession(k, T0);
    const [v, p, m] = value.split(".") as [string, string, string];
    const longer = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), exp: 9_999_999_999 })).toString("base64url");
    expect(verifySession(k, `${v}.${longer}.${m}`, T0)).toBeNull();
    expect(verifySession(k, `${v}.${p}.${m.slice(0, -2)}`, T0)).toBeNull();
    expect(verifySession(k, `${v}.${p}`, T0)).toBeNull();
    expect(verifySession(k, "", T0)).toBeNull();
    expect(verifySession(k, null, T0)).toBeNull();
    expect(verifySession({ ...k, sessionSecret: "t".repeat(32) }, value, T0)).toBeNull();
  });

  it("are signed out by a password change", () => {
    const { value } = signSession(k, T0);
    expect(verifySession({ ...k, password: "another password!" }, value, T0)).toBeNull();
  });

  it("refuse a lifetime longer than the maximum even when correctly signed", () => {
    const { value } = signSession(k, T0, SESSION_TTL_SECONDS * 10);
    expect(verifySession(k, value, T0)).toBeNull();
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Strict, expiring, and Secure with the __Host- prefix outside localhost", () => {
    const secure = sessionCookie("abc", { secure: true });
    expect(secure).toMatch(/^__Host-dtf_admin=abc; /);
    expect(secure).toContain("HttpOnly");
    expect(secure).toContain("SameSite=Strict");
    expect(secure).toContain("Path=/");
    expect(secure).toContain(`Max-Age=${SESSION_TTL_SECONDS}`);
    expect(secure).toContain("Secure");
    const local = sessionCookie("abc", { secure: false });
    expect(local).toMatch(/^dtf_admin=abc; /);
    expect(local).not.toContain("Secure");
    expect(clearedSessionCookie({ secure: true })).toContain("Max-Age=0");
  });

  it("is read back by name only", () => {
    expect(readCookie("a=1; dtf_admin=v1.x.y; b=2", sessionCookieName(false))).toBe("v1.x.y");
    expect(readCookie("xdtf_admin=1", "dtf_admin")).toBeNull();
    expect(readCookie(null, "dtf_admin")).toBeNull();
  });

  it("treats only loopback hosts as local", () => {
    for (const h of ["localhost", "localhost:3000", "127.0.0.1:3100", "[::1]:3000", "app.localhost"]) expect(isLocalHost(h)).toBe(true);
    for (const h of ["example.org", "127.0.0.1.example.org", "localhost.evil.com", null]) expect(isLocalHost(h)).toBe(false);
  });
});
