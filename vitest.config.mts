import { defineConfig } from "vitest/config";

// Unit tests live beside the code (lib/**), integration tests under tests/integration.
// An odd time zone catches code that forgets one.
process.env.TZ = "Pacific/Chatham";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["lib/**/*.test.ts", "jobs/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/ctgov-standin/**/*.test.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
