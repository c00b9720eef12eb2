import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // pg, pino and Prisma's generated client run on the server only; keep them out of the bundle.
  serverExternalPackages: ["pg", "pino", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  typedRoutes: false,
};

export default nextConfig;
