/**
 * The headers every response carries (next.config.ts sets them through Next.js) and the policy of
 * API answers. One list, read by next.config.ts and by the fast lane (lib/http/fast-lane.ts), which
 * answers GET /api/trials before Next.js and must send what Next.js would.
 * Pages get their Content-Security-Policy from proxy.ts (it needs a per-request nonce).
 */
export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), geolocation=(self), browsing-topics=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** API answers are data, never documents: a policy that allows nothing (docs/decisions/006-admin-auth.md). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** HSTS, sent only when a trusted proxy says the client came over https (proxy.ts). */
export const HSTS = "max-age=31536000; includeSubDomains";
