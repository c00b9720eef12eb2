import { defineConfig } from "vitest/config";

// npm run test:chaos: the long reliability scenarios (docs/reliability.md). One file at a time, in
// separate processes: they start databases, web servers and sync processes of their own, and
// measure latency, which other files running beside them would disturb.
process.env.TZ = "Pacific/Chatham";

export default defineConfig({
  // `server-only` throws outside a React Server Components build; tests import server modules directly.
  resolve: { alias: { "@": import.meta.dirname, "server-only": `${import.meta.dirname}/tests/setup/server-only.ts` } },
  test: {
    include: ["tests/chaos/**/*.test.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    testTimeout: 5 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
