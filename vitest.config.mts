import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests live beside the code (lib/**), integration tests under tests/integration.
// An odd time zone catches code that forgets one.
process.env.TZ = "Pacific/Chatham";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "jobs/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
