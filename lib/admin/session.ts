import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Admin sessions: a stateless cookie `v1.<payload>.<mac>`, where payload is base64url JSON
 * {sid, iat, exp} and mac is HMAC-SHA256 over "v1.<payload>". The MAC key is derived from
 * SESSION_SECRET *and* a hash of ADMIN_PASSWORD, so changing either signs every session out.
 * Expiry lives inside the signed payload: a cookie whose Max-Age was edited is still refused.
 */

export const SESSION_TTL_SECONDS = 8 * 60 * 60;
const CLOCK_SKEW_SECONDS = 60;

const sessionPayloadSchema = z.strictObject({
  sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  iat: z.number().int().positive(),
  exp: z.number().int().positive(),
});
export type SessionPayload = z.infer<typeof sessionPayloadSchema>;

export type SessionKeyMaterial = { sessionSecret: string; password: string };

function macKey(k: SessionKeyMaterial): Buffer {
  const passwordFingerprint = createHash("sha256").update(k.password, "utf8").digest("hex");
  return createHmac("sha256", k.sessionSecret).update(`dtf-admin-session:${passwordFingerprint}`).digest();
}

function mac(k: SessionKeyMaterial, signed: string): Buffer {
  return createHmac("sha256", macKey(k)).update(signed).digest();
}

export function signSession(k: SessionKeyMaterial, now = Date.now(), ttlSeconds = SESSION_TTL_SECONDS): { value: string; payload: SessionPayload } {
  const iat = Math.floor(now / 1000);
  const payload: SessionPayload = { sid: randomBytes(16).toString("base64url"), iat, exp: iat + ttlSeconds };
  const signed = `v1.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  return { value: `${signed}.${mac(k, signed).toString("base64url")}`, payload };
}

export function verifySession(k: SessionKeyMaterial, value: string | null | undefined, now = Date.now()): SessionPayload | null {
  if (!value || value.length > 512) return null;
  const parts = value.split(".");
  if (parts.length !== 3 || parts[0] !== "v1") return null;
  const signed = `${parts[0]}.${parts[1]}`;
  const presented = Buffer.from(parts[2]!, "base64url");
  const expected = mac(k, signed);
  // timingSafeEqual needs equal lengths; a wrong length is a forgery either way.
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = sessionPayloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const nowSec = Math.floor(now / 1000);
  const p = parsed.data;
  if (p.exp <= nowSec || p.iat > nowSec + CLOCK_SKEW_SECONDS || p.exp - p.iat > SESSION_TTL_SECONDS) return null;
  return p;
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

export function sessionCookie(value: string, opts: { secure: boolean; maxAgeSeconds?: number }): string {
  const parts = [
    `${sessionCookieName(opts.secure)}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${opts.maxAgeSeconds ?? SESSION_TTL_SECONDS}`,
  ];
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(opts: { secure: boolean }): string {
  return sessionCookie("", { secure: opts.secure, maxAgeSeconds: 0 });
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
