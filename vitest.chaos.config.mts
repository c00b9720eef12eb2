import { defineConfig } from "vitest/config";

// npm run test:chaos: the long reliability scenarios (docs/reliability.md). One file at a time, in
// separate processes: they start databases, web servers and sync processes of their own, and
// measure latency, which other files running beside them would disturb.
process.env.TZ = "Pacific/Chatham";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["tests/chaos/**/*.test.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    testTimeout: 5 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
