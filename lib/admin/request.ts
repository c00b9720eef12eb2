/**
 * What a route handler can learn about the caller. Route handlers do not see the socket address;
 * `next start` puts it in X-Forwarded-For unless the client sent that header, and a reverse proxy
 * appends the address it saw, so the rightmost entry is the best available client key
 * (docs/decisions/006-admin-auth.md explains why the login limiter also has a global ceiling).
 */
export function clientKey(req: Request): string {
  const xff = req.headers.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? "unknown").slice(0, 64);
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
