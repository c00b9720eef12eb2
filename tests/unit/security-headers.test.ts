import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { installPeerGuardForTests } from "../../lib/admin/client-address";
import { HSTS } from "../../lib/http/security-headers";
import { config as proxyConfig, proxy } from "../../proxy";

const cspOf = (url: string, host = "127.0.0.1:3000") => proxy(new NextRequest(url, { headers: { host } })).headers.get("content-security-policy")!;

describe("proxy.ts Content-Security-Policy", () => {
  it("gives every page request a fresh nonce and no inline or eval allowance for scripts", () => {
    const a = cspOf("http://127.0.0.1:3000/");
    const b = cspOf("http://127.0.0.1:3000/");
    const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce(a)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce(a)).not.toBe(nonce(b));
    expect(a).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(a).toContain("frame-ancestors 'none'");
    expect(a).toContain("object-src 'none'");
  });

  it("passes the nonce to Next.js in the request headers so it can put it on its scripts", () => {
    const res = proxy(new NextRequest("http://127.0.0.1:3000/trials", { headers: { host: "127.0.0.1:3000" } }));
    const forwarded = res.headers.get("x-middleware-request-content-security-policy");
    expect(forwarded).toBe(res.headers.get("content-security-policy"));
  });

  it("upgrades insecure requests outside localhost only", () => {
    expect(cspOf("https://trials.example.org/", "trials.example.org")).toContain("upgrade-insecure-requests");
    expect(cspOf("http://localhost:3000/", "localhost:3000")).not.toContain("upgrade-insecure-requests");
  });

  it("runs on pages and API routes, not on static assets or the fixed search endpoints and feed; API routes get no page policy from it", () => {
    const source = proxyConfig.matcher[0]!.source;
    const re = new RegExp(`^${source}$`);
    const checked = ["/", "/admin", "/learn/cell-sources", "/trials", "/trials.csv", "/api/health", "/api/trials/NCT04042844", "/api/trials/%zz", "/api/trials/sites/x", "/api/trialsx", "/api/trials.csvx", "/api/trials.atomx", "/api/trialsxatom"];
    for (const p of checked) expect(re.test(p), p).toBe(true);
    for (const p of ["/_next/static/chunks/a.js", "/favicon.ico", "/api/trials", "/api/trials.csv", "/api/trials.atom", "/api/trials/sites"]) expect(re.test(p), p).toBe(false);
    // The API's deny-all policy comes from next.config.ts; the proxy only checks the path.
    expect(proxy(new NextRequest("http://127.0.0.1:3000/api/trials")).headers.get("content-security-policy")).toBeNull();
  });

  it("answers a path with a broken %-escape with a 400 that says so (Next's router would throw a 500)", async () => {
    for (const p of ["/trials/%E0%A4%A", "/api/trials/%zz", "/%"]) {
      const res = proxy(new NextRequest(`http://127.0.0.1:3000${p}`));
      expect(res.status, p).toBe(400);
      expect(await res.text()).toContain("broken %-escape");
    }
    expect(proxy(new NextRequest("http://127.0.0.1:3000/trials/NCT04042844%20")).status).not.toBe(400);
  });
});

describe("next.config.ts headers", () => {
  it("set nosniff, Referrer-Policy, Permissions-Policy and framing denial everywhere, and a deny-all CSP on the API", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*")!;
    const keys = Object.fromEntries(all.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(keys["x-content-type-options"]).toBe("nosniff");
    expect(keys["referrer-policy"]).toBeTruthy();
    expect(keys["permissions-policy"]).toContain("camera=()");
    expect(keys["x-frame-options"]).toBe("DENY");
    const api = rules.find((r) => r.source === "/api/:path*")!;
    expect(api.headers.find((h) => h.key === "Content-Security-Policy")?.value).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("Strict-Transport-Security", () => {
  const hstsOf = (headers: Record<string, string>, url = "http://trials.example.org/trials") =>
    proxy(new NextRequest(url, { headers: { host: "trials.example.org", ...headers } })).headers.get("strict-transport-security");

  it("is sent when a proxy listed in TRUST_PROXY says the client used https, on pages and API routes", () => {
    installPeerGuardForTests();
    process.env.TRUST_PROXY = "10.0.0.1";
    try {
      expect(hstsOf({ "x-dtf-peer": "10.0.0.1", "x-forwarded-proto": "https" })).toBe(HSTS);
      expect(hstsOf({ "x-dtf-peer": "10.0.0.1", "x-forwarded-proto": "https" }, "http://trials.example.org/api/health")).toBe(HSTS);
      expect(hstsOf({ "x-dtf-peer": "10.0.0.1", "x-forwarded-proto": "http" })).toBeNull();
      // anyone else claiming https is not believed
      expect(hstsOf({ "x-dtf-peer": "203.0.113.9", "x-forwarded-proto": "https" })).toBeNull();
    } finally {
      delete process.env.TRUST_PROXY;
    }
    expect(hstsOf({ "x-dtf-peer": "10.0.0.1", "x-forwarded-proto": "https" })).toBeNull();
  });
});
