import { API_CSP, SECURITY_HEADERS } from "./security-headers";

/**
 * The fast lane (docs/decisions/033-search-fast-lane.md): a GET route that is public, read-only and hot
 * (GET /api/trials) registers a handler here when its module loads; lib/peer-guard.mjs, which sees every
 * request before Next.js, calls it and writes the answer itself, skipping Next.js's routing, proxy.ts
 * and web-stream plumbing (about 1.2 ms of CPU a request, most of what a search cost). The handler is
 * the route's own code over the same index and cache, so both paths give the same answer. It answers
 * only what it can answer plainly: it returns null for anything else (an invalid parameter, an error,
 * a header it does not handle), and the request goes on to Next.js as if the lane did not exist.
 * FAST_LANE=off leaves every request to Next.js (the benchmark's comparison, and a switch for operators).
 */

export type FastAnswer = { status: number; headers: Record<string, string>; body: string };
/** `query` is the raw query string, without "?". */
export type FastHandler = (query: string) => Promise<FastAnswer | null>;

const LANES = Symbol.for("dtf.fastLane");
type WithLanes = typeof globalThis & { [LANES]?: Map<string, FastHandler> };

/** Registers `handler` for GET `pathname` (exact, no trailing slash). Idempotent: the last module load wins. */
export function registerFastLane(pathname: string, handler: FastHandler): void {
  if (process.env.FAST_LANE === "off") return;
  const g = globalThis as WithLanes;
  (g[LANES] ??= new Map()).set(pathname, handler);
}

/** The handler registered for `pathname` (tests; the preload reads the same map directly). */
export function fastLaneFor(pathname: string): FastHandler | undefined {
  return (globalThis as WithLanes)[LANES]?.get(pathname);
}

/**
 * The headers Next.js gives GET /api/trials: next.config.ts's security headers and the API's policy.
 * (proxy.ts, and so HSTS, is left out of the search endpoints by its matcher: browsers learn HSTS
 * from the pages.) `Vary` names only Accept-Encoding, which the lane's gzip varies on.
 */
const API_HEADERS: Record<string, string> = Object.fromEntries([
  ...SECURITY_HEADERS.map(({ key, value }) => [key, value] as const),
  ["Content-Security-Policy", API_CSP],
  ["Vary", "Accept-Encoding"],
]);

export function apiHeaders(own: Record<string, string>): Record<string, string> {
  return { ...API_HEADERS, ...own };
}
