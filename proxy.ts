import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "./lib/i18n/path-header";
import { buildCsp, newNonce, prerenderedScriptHashes } from "./lib/admin/csp";
import { isLocalHost } from "./lib/admin/session";
import { clientAddress } from "./lib/admin/client-address";
import { mapTiles, trustedProxies } from "./lib/env";
import { HSTS } from "./lib/http/security-headers";

/**
 * Sets the Content-Security-Policy of every page (lib/admin/csp.ts). Dynamic pages get a fresh
 * nonce that Next.js applies to its scripts; prerendered pages (and the prerendered 404 page, which is
 * served for unknown paths) are allowed by the hashes of their inline scripts. The other security
 * headers, and the API's policy, are set for every response in next.config.ts.
 */
const tileOrigin = mapTiles().origin;

/**
 * HSTS only when the client reached us over https, as a proxy we trust (TRUST_PROXY) says: sent over
 * plain http it is ignored by browsers, and claimed by an untrusted X-Forwarded-Proto it could pin
 * a host that is not served over https.
 */
function withHsts(request: NextRequest, response: NextResponse): NextResponse {
  if (clientAddress(request.headers, trustedProxies()).forwardedProto === "https") response.headers.set("strict-transport-security", HSTS);
  return response;
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A path with a broken %-escape (/trials/%E0%A4%A) makes Next's router throw: a bare 500 with
  // nothing logged. Refuse it here with a 400 that says what is wrong.
  if (!decodable(pathname)) {
    return new NextResponse("Bad request: the address contains a broken %-escape.\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  if (pathname.startsWith("/api/")) return withHsts(request, NextResponse.next());
  const nonce = newNonce();
  const dev = process.env.NODE_ENV === "development";
  // `next dev` renders every page per request (nonce); .next/server/app may hold an old production build.
  const scriptHashes = dev ? [] : [...new Set([...prerenderedScriptHashes(pathname), ...prerenderedScriptHashes("/_not-found")])];
  const csp = buildCsp({
    nonce,
    scriptHashes,
    dev,
    upgradeInsecure: !isLocalHost(request.headers.get("host")),
    imgSources: tileOrigin ? [tileOrigin] : [],
  });

  // Next.js reads the nonce from the request's CSP header while it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // The address asked for, for the layout's language switch and hreflang links (app/[locale]/layout.tsx).
  requestHeaders.set(PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return withHsts(request, response);
}

export const config = {
  // Pages get their policy here; API routes get theirs from next.config.ts (the proxy only checks
  // their paths); static assets need none. The search endpoints and the search's Atom feed are left
  // out: their paths are fixed (nothing to check), and running the proxy cost them ~40% of their
  // throughput when answered from the cache (813 vs 1,383 req/s in one measurement; docs/performance.md).
  matcher: [{ source: "/((?!_next/static/|_next/image|favicon.ico|api/trials$|api/trials\\.csv$|api/trials\\.atom$|api/trials/sites$).*)" }],
};
