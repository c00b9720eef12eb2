import { describe, expect, it } from "vitest";
import {
  clearedSessionCookie,
  credentialFingerprint,
  deviceCookie,
  hashSessionToken,
  isLocalHost,
  newSessionToken,
  readCookie,
  sessionCookie,
  sessionCookieName,
  signDevice,
  verifyDevice,
  wellFormedToken,
  SESSION_TTL_SECONDS,
} from "./session";

const k = { sessionSecret: "s".repeat(32), password: "correct horse battery" };

describe("admin session tokens", () => {
  it("are 256 random bits; only their hash is stored, and the hash is not the token", () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashSessionToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(a)).not.toContain(a);
    expect(hashSessionToken(a)).toBe(hashSessionToken(a));
  });

  it("are refused before any database look-up unless they have our shape", () => {
    expect(wellFormedToken(newSessionToken())).not.toBeNull();
    for (const bad of ["", null, undefined, "v1.abc.def", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, "' OR 1=1 --"]) expect(wellFormedToken(bad)).toBeNull();
  });

  it("carry a credential fingerprint that changes with the password and with SESSION_SECRET", () => {
    const f = credentialFingerprint(k);
    expect(credentialFingerprint({ ...k })).toBe(f);
    expect(credentialFingerprint({ ...k, password: "another password!" })).not.toBe(f);
    expect(credentialFingerprint({ ...k, sessionSecret: "t".repeat(32) })).not.toBe(f);
    expect(f).not.toContain(k.password);
  });
});

describe("the known-device cookie", () => {
  it("verifies what it signs, and refuses a forgery, a truncation, or one signed under another password", () => {
    const value = signDevice(k);
    const id = verifyDevice(k, value);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(signDevice(k, id!)).toBe(value); // renewing keeps the device id
    const [d, i, m] = value.split(".") as [string, string, string];
    expect(verifyDevice(k, `${d}.${"A".repeat(22)}.${m}`)).toBeNull();
    expect(verifyDevice(k, `${d}.${i}.${m.slice(0, -1)}A`)).toBe(m.endsWith("A") ? id : null);
    expect(verifyDevice(k, `${d}.${i}`)).toBeNull();
    expect(verifyDevice(k, "")).toBeNull();
    expect(verifyDevice(k, null)).toBeNull();
    expect(verifyDevice({ ...k, password: "another password!" }, value)).toBeNull();
    expect(deviceCookie(value, { secure: true })).toMatch(/^__Host-dtf_device=d1\.[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
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
