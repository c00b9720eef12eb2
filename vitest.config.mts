import { defineConfig } from "vitest/config";

// Unit tests live beside the code (lib/**), integration tests under tests/integration.
// An odd time zone catches code that forgets one.
process.env.TZ = "Pacific/Chatham";

// The database-fault checks kill Postgres backends (pg_terminate_backend) and the snapshot check
// opens a second connection meanwhile, which only a real Postgres server allows; tests/run-all.sh
// sets DTF_NO_POSTGRES_SERVER when none answers (a machine with only Node, where the other tests
// use embedded PGlite) and says so in its summary.
const noServer = !!process.env.DTF_NO_POSTGRES_SERVER;
const needsPostgresServer = ["tests/integration/reliability/db-faults-quick.test.ts", "tests/integration/reliability/snapshot-reads.test.ts"];

// Two projects in one run (decision 034): every test on the machine's Postgres, and the database
// integration tests again on embedded PGlite (the newcomer's default). Files run two at a time:
// each owns its database, ports and processes. Without a Postgres server the first project is
// already on PGlite, so the second is not run twice.
export default defineConfig({
  // `server-only` throws outside a React Server Components build; tests import server modules directly.
  resolve: { alias: { "@": import.meta.dirname, "server-only": `${import.meta.dirname}/tests/setup/server-only.ts` } },
  test: {
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["lib/**/*.test.ts", "jobs/**/*.test.ts", "tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/ctgov-standin/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...(noServer ? needsPostgresServer : [])],
        },
      },
      ...(noServer
        ? []
        : [{ extends: true as const, test: { name: "pglite", include: ["tests/integration/db/**/*.test.ts"], env: { TEST_DB: "pglite" } } }]),
    ],
  },
});
