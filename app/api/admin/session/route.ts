import { actorLabel, gate, sessionFrom, wantsSecureCookie } from "@/lib/admin/auth";
import { adminConfig } from "@/lib/admin/config";
import { databaseDown, json, readJsonBody, refused } from "@/lib/admin/http";
import { backToAdmin, LOGIN_FAILURES, type LoginFailure } from "@/lib/admin/login";
import { recordAudit, recordAuditAfterTheFact } from "@/lib/admin/mutations";
import { loginLimiter } from "@/lib/admin/rate-limit";
import { checkSameOrigin, clientKey } from "@/lib/admin/request";
import { loginBodySchema } from "@/lib/admin/schema";
import { secretsEqual } from "@/lib/admin/secrets";
import { clearedSessionCookie, sessionCookie, signSession } from "@/lib/admin/session";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/** GET /api/admin/session → whether this browser holds a valid admin session. */
export async function GET(req: Request) {
  const config = adminConfig();
  if (!config.enabled) return json({ enabled: false, reason: config.reason, loggedIn: false });
  const session = sessionFrom(config, req.headers.get("cookie"), wantsSecureCookie(req));
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
  if (!config.enabled) return refused({ status: 403, error: config.reason });
  if (!config.password || !config.sessionSecret) return refused({ status: 403, error: "Password login is off: only ADMIN_TOKEN is configured. Set ADMIN_PASSWORD and SESSION_SECRET to log in here." });
  const origin = checkSameOrigin(req, { requireOrigin: true });
  if (!origin.ok) return refused({ status: 403, error: origin.reason });

  const ip = clientKey(req);
  const limiter = loginLimiter();
  const decision = limiter.check(ip);
  if (!decision.allowed) {
    logger.warn({ ip, retryAfterSeconds: decision.retryAfterSeconds }, "admin login refused: too many failed attempts");
    return answer(refused({ status: 429, error: LOGIN_FAILURES.limited }, { "retry-after": String(decision.retryAfterSeconds) }), "limited");
  }

  let body;
  try {
    body = loginBodySchema.parse(form ? Object.fromEntries(new URLSearchParams((await req.text()).slice(0, 16 * 1024))) : await readJsonBody(req));
  } catch {
    return answer(refused({ status: 400, error: 'expected JSON {"password": "..."}' }), "invalid");
  }

  try {
    if (!secretsEqual(body.password, config.password)) {
      limiter.fail(ip);
      await recordAudit(db(), { actor: "anonymous", action: "login_failed", ip });
      return answer(refused({ status: 401, error: LOGIN_FAILURES.wrong }), "wrong");
    }
    limiter.succeed(ip);
    const { value, payload } = signSession({ password: config.password, sessionSecret: config.sessionSecret });
    await recordAudit(db(), { actor: actorLabel({ kind: "session", session: payload }), action: "login", ip, detail: { userAgent: req.headers.get("user-agent")?.slice(0, 200) ?? null } });
    return answer(new Response(null, { status: 204, headers: { "set-cookie": sessionCookie(value, { secure: wantsSecureCookie(req) }), "cache-control": "no-store" } }), null);
  } catch (err) {
    return answer(databaseDown(err), "unavailable");
  }
}

/** DELETE /api/admin/session → logs out (clears the cookie). Same-origin only. */
export async function DELETE(req: Request) {
  const g = gate(req, { write: true });
  const cleared = { "set-cookie": clearedSessionCookie({ secure: wantsSecureCookie(req) }), "cache-control": "no-store" };
  if (!g.ok) return g.status === 401 ? new Response(null, { status: 204, headers: cleared }) : refused(g);
  // Logging out must work while the database is down: the cookie is cleared whatever the audit row does.
  await recordAuditAfterTheFact(db, { actor: actorLabel(g.actor), action: "logout", ip: clientKey(req) });
  return new Response(null, { status: 204, headers: cleared });
}
