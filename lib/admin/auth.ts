import "server-only";
import { isDatabaseDown } from "../db/health";
import { db } from "../db/client";
import { DATABASE_UNREACHABLE } from "../http/errors";
import { adminConfig, type AdminConfig } from "./config";
import { findSession } from "./data";
import { checkSameOrigin } from "./request";
import { secretsEqual } from "./secrets";
import { isLocalHost, readCookie, sessionCookieName, wellFormedToken, type SessionPayload } from "./session";

/**
 * The one gate in front of every admin route handler: admin on, same origin for writes, then a
 * bearer ADMIN_TOKEN or a live server-side session. Everything not explicitly allowed is refused;
 * a session that cannot be checked because the database is down is a 503, never a pass.
 */
export type Actor = { kind: "token" } | { kind: "session"; session: SessionPayload };

type EnabledConfig = Extract<AdminConfig, { enabled: true }>;
export type GateRefusal = { ok: false; code: "unauthorized" | "forbidden" | "database_unavailable"; message: string };
export type GateResult = { ok: true; actor: Actor; config: EnabledConfig } | GateRefusal;

export const SESSION_UNCHECKABLE = `${DATABASE_UNREACHABLE} Your admin session cannot be checked until it is back.`;

export function actorLabel(actor: Actor | null): string {
  if (!actor) return "anonymous";
  return actor.kind === "token" ? "admin-token" : `admin-session:${actor.session.sid.slice(0, 8)}`;
}

/** Secure cookies everywhere except plain http on localhost. */
export function secureCookieFor(headers: Headers, fallbackUrl?: string): boolean {
  const proto = headers.get("x-forwarded-proto") ?? (fallbackUrl ? new URL(fallbackUrl).protocol.replace(":", "") : "http");
  return proto === "https" || !isLocalHost(headers.get("host"));
}

export function wantsSecureCookie(req: Request): boolean {
  return secureCookieFor(req.headers, req.url);
}

/** The session token this request's cookie carries, if it has our shape. */
export function sessionTokenFrom(cookieHeader: string | null, secure: boolean): string | null {
  return wellFormedToken(readCookie(cookieHeader, sessionCookieName(secure)));
}

export type SessionLookup = { state: "none" } | { state: "live"; session: SessionPayload } | { state: "unavailable" };

/** The live session this cookie names; "unavailable" when the database cannot be asked (callers refuse, never pass). */
export async function sessionFrom(config: EnabledConfig, cookieHeader: string | null, secure: boolean): Promise<SessionLookup> {
  if (!config.password || !config.sessionSecret) return { state: "none" };
  const token = sessionTokenFrom(cookieHeader, secure);
  if (!token) return { state: "none" };
  try {
    const session = await findSession(db(), { password: config.password, sessionSecret: config.sessionSecret }, token);
    return session ? { state: "live", session } : { state: "none" };
  } catch (err) {
    if (isDatabaseDown(err)) return { state: "unavailable" };
    throw err;
  }
}

export async function gate(req: Request, opts: { write: boolean }): Promise<GateResult> {
  const config = adminConfig();
  if (!config.enabled) return { ok: false, code: "forbidden", message: config.reason };

  // A foreign Origin is refused before anything else, authenticated or not.
  const origin = checkSameOrigin(req, { requireOrigin: false });
  if (!origin.ok) return { ok: false, code: "forbidden", message: origin.reason };

  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization.slice(0, 1024));
    if (!m || !config.token || !secretsEqual(m[1]!, config.token)) return { ok: false, code: "unauthorized", message: "Invalid credentials." };
    return { ok: true, actor: { kind: "token" }, config };
  }

  const lookup = await sessionFrom(config, req.headers.get("cookie"), wantsSecureCookie(req));
  if (lookup.state === "unavailable") return { ok: false, code: "database_unavailable", message: SESSION_UNCHECKABLE };
  if (lookup.state === "none") return { ok: false, code: "unauthorized", message: "Log in at /admin or send Authorization: Bearer <ADMIN_TOKEN>." };
  if (opts.write) {
    const strict = checkSameOrigin(req, { requireOrigin: true });
    if (!strict.ok) return { ok: false, code: "forbidden", message: strict.reason };
  }
  return { ok: true, actor: { kind: "session", session: lookup.session }, config };
}
