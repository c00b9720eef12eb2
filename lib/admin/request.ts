import { trustedProxies } from "../env";
import { clientAddress } from "./client-address";

/**
 * The key the login limiter and the audit log use for the caller: the socket's address, or the
 * address a proxy listed in TRUST_PROXY forwarded (lib/admin/client-address.ts). A client cannot
 * choose it by sending X-Forwarded-For (docs/decisions/019-server-sessions.md).
 */
export function clientKey(req: Request): string {
  return clientAddress(req.headers, trustedProxies()).address.slice(0, 64);
}

export type OriginCheck = { ok: true } | { ok: false; reason: string };

/**
 * Same-origin check for state-changing requests (CSRF). A browser always sends Origin on a POST or
 * DELETE made by fetch or a form, so a cookie-authenticated write without one is refused; scripts
 * using the bearer token may omit it. Sec-Fetch-Site, when present, must not say cross-site.
 */
export function checkSameOrigin(req: Request, opts: { requireOrigin: boolean }): OriginCheck {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return { ok: false, reason: `cross-site request refused (Sec-Fetch-Site: ${site})` };
  const origin = req.headers.get("origin");
  if (!origin) return opts.requireOrigin ? { ok: false, reason: "request without an Origin header refused" } : { ok: true };
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { ok: false, reason: "cross-site request refused (unreadable Origin)" };
  }
  const host = req.headers.get("host") ?? new URL(req.url).host;
  if (originHost.toLowerCase() !== host.toLowerCase()) return { ok: false, reason: "cross-site request refused (Origin does not match Host)" };
  return { ok: true };
}
