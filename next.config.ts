import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP, SECURITY_HEADERS } from "./lib/http/security-headers";
import { nextDistDir } from "./lib/next-server";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  distDir: nextDistDir(),
  // pg, pino and Prisma's generated client run on the server only; keep them out of the bundle.
  serverExternalPackages: ["pg", "pino", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  typedRoutes: false,
  experimental: {
    // Each page's CSS (4–12 KB) arrives in the HTML as <style> instead of a render-blocking <link>:
    // on a slow phone connection the first paint no longer waits for one more round trip (Lighthouse
    // counted 300–460 ms of render-blocking CSS on / and /trials). CSP allows inline styles already.
    inlineCss: true,
  },
  // Languages (SPEC §11, docs/decisions/030-spanish-routing.md): the pages live under app/[locale];
  // Spanish addresses carry /es, English ones keep their addresses and are rewritten to /en here.
  // (next-intl's middleware would do the same rewrite, but Next.js then treats it as another origin on
  // a server bound to 127.0.0.1 and answers with a redirect loop; a config rewrite has no origin.)
  // afterFiles: after the API routes, the admin page and static files, before the dynamic [locale].
  async rewrites() {
    return {
      beforeFiles: [],
      afterFiles: [
        { source: "/", destination: "/en" },
        { source: "/:path((?!(?:es|en|api|admin|_next)(?:/|$)).+)", destination: "/en/:path" },
      ],
      fallback: [],
    };
  },
  async redirects() {
    // /en/… is the English pages' inside address: the outside one has no prefix.
    return [
      { source: "/en", destination: "/", permanent: false },
      { source: "/en/:path*", destination: "/:path*", permanent: false },
    ];
  },
  async headers() {
    return [
      // Every response (lib/http/security-headers.ts); pages get their CSP from proxy.ts.
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
      { source: "/admin/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/admin", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

// next-intl reads its per-request configuration (locale, catalogues) from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
