import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * How every process here starts the Next.js server (npm start, the end-to-end and chaos tests, the
 * search benchmark): `node <these args>`. Node refuses a request head over 16 KiB with a bare 431
 * before the app sees it; a search URL with a long pasted value should get the app's own 400 naming
 * the parameter, so the limit is raised to 1 MiB (still a bound: memory per request stays small).
 */
export const MAX_HTTP_HEADER_BYTES = 1024 * 1024;

/** Preloaded into the server: stamps each request's socket address as X-DTF-Peer (see the file). */
export const PEER_GUARD_PATH = path.resolve("lib/peer-guard.mjs");

export function nextServerArgs(command: "start" | "dev", port: number | string, host?: string): string[] {
  return [
    `--max-http-header-size=${MAX_HTTP_HEADER_BYTES}`,
    "--import",
    pathToFileURL(PEER_GUARD_PATH).href,
    path.resolve("node_modules/next/dist/bin/next"),
    command,
    "-p",
    String(port),
    ...(host ? ["-H", host] : []),
  ];
}

/**
 * Where `next build` writes and `next start` reads: `.next`, or NEXT_DIST_DIR when a test builds and
 * serves a second copy beside the main one (tests/chaos/helpers/web.ts). The one place that reads it:
 * next.config.ts, the CSP hashes of prerendered pages (lib/admin/csp.ts) and the tests ask here.
 */
export function nextDistDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}
