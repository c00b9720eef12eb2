import "server-only";
import { adminConfig, type AdminConfig } from "./config";
import { checkSameOrigin } from "./request";
import { secretsEqual } from "./secrets";
import { isLocalHost, readCookie, sessionCookieName, verifySession, type SessionPayload } from "./session";

/**
 * The one gate in front of every admin route handler: admin on, same origin for writes, then a
 * bearer ADMIN_TOKEN or a valid session cookie. Everything not explicitly allowed is refused.
 */
export type Actor = { kind: "token" } | { kind: "session"; session: SessionPayload };

export type GateResult = { ok: true; actor: Actor; config: Extract<AdminConfig, { enabled: true }> } | { ok: false; status: 401 | 403 | 404; error: string };

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

export function sessionFrom(config: Extract<AdminConfig, { enabled: true }>, cookieHeader: string | null, secure: boolean): SessionPayload | null {
  if (!config.password || !config.sessionSecret) return null;
  const value = readCookie(cookieHeader, sessionCookieName(secure));
  return verifySession({ password: config.password, sessionSecret: config.sessionSecret }, value);
}

export function gate(req: Request, opts: { write: boolean }): GateResult {
  const config = adminConfig();
  if (!config.enabled) return { ok: false, status: 403, error: config.reason };

  // A foreign Origin is refused before anything else, authenticated or not.
  const origin = checkSameOrigin(req, { requireOrigin: false });
  if (!origin.ok) return { ok: false, status: 403, error: origin.reason };

  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m || !config.token || !secretsEqual(m[1]!, config.token)) return { ok: false, status: 401, error: "invalid credentials" };
    return { ok: true, actor: { kind: "token" }, config };
  }

  const session = sessionFrom(config, req.headers.get("cookie"), wantsSecureCookie(req));
  if (!session) return { ok: false, status: 401, error: "log in at /admin or send Authorization: Bearer <ADMIN_TOKEN>" };
  if (opts.write) {
    const strict = checkSameOrigin(req, { requireOrigin: true });
    if (!strict.ok) return { ok: false, status: 403, error: strict.reason };
  }
  return { ok: true, actor: { kind: "session", session }, config };
}
