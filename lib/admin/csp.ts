import { createHash, randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { nextDistDir } from "../next-server";

/**
 * The site's Content-Security-Policy (docs/decisions/006-admin-auth.md, "Security headers").
 *
 * Scripts: 'self' plus, per request, a nonce that Next.js puts on the scripts of every page it
 * renders dynamically. Pages prerendered at build time are served as stored HTML that cannot carry a
 * per-request nonce, so their inline scripts are allowed by sha256 hash instead, read from the
 * prerendered HTML itself. No 'unsafe-inline' and no 'unsafe-eval' for scripts in production.
 * Styles keep 'unsafe-inline': React style attributes cannot carry nonces, and CSS injection is not
 * script execution.
 */

export type CspOptions = {
  nonce: string;
  scriptHashes?: readonly string[];
  dev?: boolean;
  upgradeInsecure?: boolean;
  /** Extra image origins, e.g. the map's tile server (MAP_TILE_URL). */
  imgSources?: readonly string[];
};

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function buildCsp(o: CspOptions): string {
  const script = ["'self'", `'nonce-${o.nonce}'`, ...(o.scriptHashes ?? []).map((h) => `'${h}'`), ...(o.dev ? ["'unsafe-eval'"] : [])];
  const directives = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...(o.imgSources ?? [])].join(" "),
    "font-src 'self' data:",
    `connect-src 'self'${o.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(o.upgradeInsecure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** The policy for API responses: nothing in them may load or run anything, and nobody may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (m[1]) hashes.add(`sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}`);
  }
  return [...hashes];
}

type Cached = { mtimeMs: number; hashes: string[] };
const cache = new Map<string, Cached>();

/** The file `next build` wrote for a prerendered route, or null when the route is rendered per request. */
export function prerenderedHtmlPath(pathname: string, distDir = path.join(process.cwd(), nextDistDir())): string | null {
  if (!/^\/[A-Za-z0-9/_.-]*$/.test(pathname) || pathname.includes("..")) return null;
  const route = pathname.length > 1 ? pathname.replace(/\/+$/, "") : "/";
  return path.join(distDir, "server", "app", route === "/" ? "index.html" : `${route}.html`);
}

/** Hashes of the inline scripts of a prerendered page (re-read when the file changes, e.g. on revalidation). */
export function prerenderedScriptHashes(pathname: string, distDir?: string): string[] {
  const file = prerenderedHtmlPath(pathname, distDir);
  if (!file) return [];
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.hashes;
  const hashes = inlineScriptHashes(readFileSync(file, "utf8"));
  if (cache.size > 500) cache.clear();
  cache.set(file, { mtimeMs, hashes });
  return hashes;
}
