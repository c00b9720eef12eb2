import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Admin sessions live on the server (table admin_session, docs/decisions/019-server-sessions.md).
 * The cookie holds a random 256-bit token and nothing else; the table holds only its SHA-256, so a
 * copy of the table (a backup, a log of statements) cannot be replayed as a cookie. Logout deletes
 * the row; expiry is the row's expires_at; a session also ends when the password or SESSION_SECRET
 * changes, because each row remembers the fingerprint of the credentials it was opened under.
 * This file is the pure part (tokens, fingerprints, cookies); lib/admin/sessions.ts talks to the table.
 */

export const SESSION_TTL_SECONDS = 8 * 60 * 60;

/** What the gate knows about a session: a public id (for audit lines), when it began and when it ends. */
export type SessionPayload = { sid: string; iat: number; exp: number };

export type SessionKeyMaterial = { sessionSecret: string; password: string };

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh session token (32 random bytes, base64url: 43 characters). */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A token in the shape we issue, or null: anything else is refused before the database is asked. */
export function wellFormedToken(value: string | null | undefined): string | null {
  return value && TOKEN_RE.test(value) ? value : null;
}

/** What the table stores for a token: its SHA-256 (hex). The token has 256 random bits, so no salt or stretching is needed. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * A fingerprint of the credentials a session was opened under: HMAC(SESSION_SECRET, sha256(password)).
 * A row whose fingerprint differs from the current one was opened under an old password or secret
 * and is refused (and deleted).
 */
export function credentialFingerprint(k: SessionKeyMaterial): string {
  const passwordHash = createHash("sha256").update(k.password, "utf8").digest("hex");
  return createHmac("sha256", k.sessionSecret).update(`dtf-admin-session:${passwordHash}`).digest("hex");
}

/** Constant-time equality of two hex fingerprints. */
export function fingerprintsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Cookies set over plain http on localhost cannot be Secure; everywhere else they must be. */
export function isLocalHost(host: string | null): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.split(":")[0]!;
  return name === "localhost" || name === "127.0.0.1" || name === "::1" || name.endsWith(".localhost");
}

/** `__Host-` binds the cookie to this exact host and path / and requires Secure, so it is used whenever Secure is. */
export function sessionCookieName(secure: boolean) {
  return secure ? "__Host-dtf_admin" : "dtf_admin";
}

function cookie(name: string, value: string, opts: { secure: boolean; maxAgeSeconds: number }): string {
  const parts = [`${name}=${value}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${opts.maxAgeSeconds}`];
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}

export function sessionCookie(value: string, opts: { secure: boolean; maxAgeSeconds?: number }): string {
  return cookie(sessionCookieName(opts.secure), value, { secure: opts.secure, maxAgeSeconds: opts.maxAgeSeconds ?? SESSION_TTL_SECONDS });
}

export function clearedSessionCookie(opts: { secure: boolean }): string {
  return sessionCookie("", { secure: opts.secure, maxAgeSeconds: 0 });
}

/**
 * The known-device cookie: set after a successful password login, it lets this browser keep trying
 * the password while the shared failure ceiling is reached by someone else (lib/admin/rate-limit.ts).
 * `d1.<device id>.<HMAC>`, keyed like sessions, so it cannot be forged and a password change voids it.
 * It grants nothing by itself: it only chooses which failure counter a login attempt is held to.
 */
export const DEVICE_TTL_SECONDS = 90 * 24 * 60 * 60;

export function deviceCookieName(secure: boolean) {
  return secure ? "__Host-dtf_device" : "dtf_device";
}

function deviceMac(k: SessionKeyMaterial, id: string): string {
  return createHmac("sha256", credentialFingerprint(k)).update(`dtf-admin-device:${id}`).digest("base64url");
}

export function signDevice(k: SessionKeyMaterial, id = randomBytes(16).toString("base64url")): string {
  return `d1.${id}.${deviceMac(k, id)}`;
}

/** The device id of a genuine known-device cookie, or null. */
export function verifyDevice(k: SessionKeyMaterial, value: string | null | undefined): string | null {
  if (!value || value.length > 128) return null;
  const m = /^d1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  const expected = Buffer.from(deviceMac(k, m[1]!), "utf8");
  const presented = Buffer.from(m[2]!, "utf8");
  return presented.length === expected.length && timingSafeEqual(presented, expected) ? m[1]! : null;
}

export function deviceCookie(value: string, opts: { secure: boolean }): string {
  return cookie(deviceCookieName(opts.secure), value, { secure: opts.secure, maxAgeSeconds: DEVICE_TTL_SECONDS });
}

export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
