import { actorLabel, gate, sessionFrom, sessionTokenFrom, SESSION_UNCHECKABLE, wantsSecureCookie } from "@/lib/admin/auth";
import { adminConfig } from "@/lib/admin/config";
import { json, readJsonBody, refusal } from "@/lib/admin/http";
import { backToAdmin, LOGIN_FAILURES, PASSWORD_LOGIN_OFF, type LoginFailure } from "@/lib/admin/login";
import { endAllSessions, endSession, openSession, recordAudit, recordAuditAfterTheFact } from "@/lib/admin/mutations";
import { loginLimiter } from "@/lib/admin/rate-limit";
import { checkSameOrigin, clientKey } from "@/lib/admin/request";
import { loginBodySchema } from "@/lib/admin/schema";
import { secretsEqual } from "@/lib/admin/secrets";
import { clearedSessionCookie, deviceCookie, deviceCookieName, readCookie, sessionCookie, signDevice, verifyDevice } from "@/lib/admin/session";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { apiError, DATABASE_UNREACHABLE, databaseUnavailable, NO_STORE } from "@/lib/http/errors";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** GET /api/admin/session → whether this browser holds a live admin session (503 when that cannot be checked). */
export async function GET(req: Request) {
  const config = adminConfig();
  if (!config.enabled) return json({ enabled: false, reason: config.reason, loggedIn: false });
  const lookup = await sessionFrom(config, req.headers.get("cookie"), wantsSecureCookie(req));
  if (lookup.state === "unavailable") return apiError("database_unavailable", SESSION_UNCHECKABLE, { headers: NO_STORE });
  const session = lookup.state === "live" ? lookup.session : null;
  return json({ enabled: true, passwordLogin: config.password !== null, loggedIn: session !== null, expiresAt: session ? new Date(session.exp * 1000).toISOString() : null });
}

/**
 * POST /api/admin/session {"password"} → 204 with the session cookie; 401 wrong; 429 rate limited; 403 cross-site or off.
 * The login form also posts here without JavaScript (form-encoded): it then gets a 303 back to /admin,
 * with the cookie on success or `?login=<reason>` for the page to explain, never a JSON body.
 */
export async function POST(req: Request) {
  const form = (req.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  const answer = (res: Response, reason: LoginFailure | null) => (form ? backToAdmin(res, reason) : res);
  const config = adminConfig();
  if (!config.enabled) return apiError("forbidden", config.reason, { headers: NO_STORE });
  if (!config.password || !config.sessionSecret) return apiError("forbidden", PASSWORD_LOGIN_OFF, { headers: NO_STORE });
  const origin = checkSameOrigin(req, { requireOrigin: true });
  if (!origin.ok) return apiError("forbidden", origin.reason, { headers: NO_STORE });
  const keys = { password: config.password, sessionSecret: config.sessionSecret };
  const secure = wantsSecureCookie(req);

  // A browser that logged in before (signed cookie) has its own failure ceiling and is not held to the
  // shared one, so guessing from many addresses cannot lock the real admin out (lib/admin/rate-limit.ts).
  const ip = clientKey(req);
  const device = verifyDevice(keys, readCookie(req.headers.get("cookie"), deviceCookieName(secure)));
  const limitKey = device ? `device:${device}` : `ip:${ip}`;
  const limiter = loginLimiter();
  const decision = limiter.check(limitKey, Date.now(), { knownDevice: device !== null });
  if (!decision.allowed) {
    logger.warn({ ip, knownDevice: device !== null, retryAfterSeconds: decision.retryAfterSeconds }, "admin login refused: too many failed attempts");
    return answer(apiError("rate_limited", LOGIN_FAILURES.limited, { headers: { ...NO_STORE, "retry-after": String(decision.retryAfterSeconds) } }), "limited");
  }

  let body;
  try {
    body = loginBodySchema.parse(form ? Object.fromEntries(new URLSearchParams((await req.text()).slice(0, 16 * 1024))) : await readJsonBody(req));
  } catch {
    return answer(apiError("invalid_body", 'expected JSON {"password": "..."}', { headers: NO_STORE }), "invalid");
  }

  try {
    if (!secretsEqual(body.password, config.password)) {
      limiter.fail(limitKey);
      await recordAudit(db(), { actor: "anonymous", action: "login_failed", ip, detail: { knownDevice: device !== null } });
      return answer(apiError("unauthorized", LOGIN_FAILURES.wrong, { headers: NO_STORE }), "wrong");
    }
    limiter.succeed(limitKey);
    const { token, session } = await openSession(db(), keys);
    await recordAudit(db(), { actor: actorLabel({ kind: "session", session }), action: "login", ip, detail: { userAgent: req.headers.get("user-agent")?.slice(0, 200) ?? null } });
    const headers = new Headers({ "cache-control": "no-store" });
    headers.append("set-cookie", sessionCookie(token, { secure }));
    headers.append("set-cookie", deviceCookie(signDevice(keys, device ?? undefined), { secure }));
    return answer(new Response(null, { status: 204, headers }), null);
  } catch (err) {
    // A form post is sent back to /admin with a reason, and "unavailable" is the only true one here.
    if (!isDatabaseDown(err)) throw err;
    return answer(databaseUnavailable(NO_STORE), "unavailable");
  }
}

/**
 * DELETE /api/admin/session?scope=all → logs out everywhere: ends every admin session (an operator
 * who suspects a copied cookie, without changing the password) and clears this browser's cookie.
 * Unlike a plain logout it needs a live session or the bearer token (same-origin for a cookie), so a
 * stranger cannot log the admin out. 200 {"ended": n}.
 */
async function logoutEverywhere(req: Request, cleared: Record<string, string>): Promise<Response> {
  const g = await gate(req, { write: true });
  if (!g.ok) return refusal(g);
  let ended;
  try {
    ended = await endAllSessions(db());
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
    return databaseUnavailable(NO_STORE);
  }
  await recordAuditAfterTheFact(db(), { actor: actorLabel(g.actor), action: "logout_everywhere", ip: clientKey(req), detail: { ended } });
  return json({ ended }, 200, cleared);
}

/**
 * DELETE /api/admin/session → logs out: ends the session on the server and clears the cookie.
 * Same-origin only. While the database is down the cookie is still cleared, but the answer is a 503
 * saying the server could not end the session (a copy of the cookie would work again once the
 * database is back, until the session expires).
 */
export async function DELETE(req: Request) {
  const secure = wantsSecureCookie(req);
  const cleared = { "set-cookie": clearedSessionCookie({ secure }), "cache-control": "no-store" };
  const scope = new URL(req.url).searchParams.get("scope");
  if (scope === "all") return logoutEverywhere(req, cleared);
  if (scope !== null) return apiError("invalid_parameters", `scope: the only value is "all" (log out everywhere); leave it out to log out of this browser`, { headers: NO_STORE });
  const config = adminConfig();
  if (!config.enabled) return apiError("forbidden", config.reason, { headers: NO_STORE });
  const strict = checkSameOrigin(req, { requireOrigin: true });
  if (!strict.ok) return apiError("forbidden", strict.reason, { headers: NO_STORE });
  const token = sessionTokenFrom(req.headers.get("cookie"), secure);
  if (!token) return new Response(null, { status: 204, headers: cleared });
  let ended;
  try {
    // By the token's hash, valid or not: logging out needs no live session, and ends nothing else.
    ended = await endSession(db(), token);
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
    logger.warn({ ip: clientKey(req) }, "admin logout: the database is down, the session could not be ended on the server");
    return apiError("database_unavailable", `Logged out of this browser, but the server could not end the session. ${DATABASE_UNREACHABLE}`, { headers: cleared });
  }
  if (ended) await recordAuditAfterTheFact(db(), { actor: actorLabel({ kind: "session", session: ended }), action: "logout", ip: clientKey(req) });
  return new Response(null, { status: 204, headers: cleared });
}
