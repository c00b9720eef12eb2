// Adds up the JSON reports of every suite in a folder and prints "N passed, N failed" last.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".test-results";
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

// vitest.json holds both projects of vitest.config.mts (Postgres, and the database tests again on PGlite).
for (const name of ["vitest.json"]) {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    lines.push(`${name}: missing (suite did not run)`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrors ?? 0) + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  lines.push(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  // With a Postgres server, every database test file ran twice: once per project (Postgres, then PGlite).
  const dbRuns = (r.testResults ?? []).map((t) => t.name).filter((n) => n.includes("/tests/integration/db/"));
  if (!process.env.DTF_NO_POSTGRES_SERVER && dbRuns.length < 2 * new Set(dbRuns).size) {
    lines.push(`${name}: the PGlite pass of the database tests did not run (${dbRuns.length} runs of ${new Set(dbRuns).size} files)`);
    failed++;
  }
}

// The long reliability suite (npm run test:chaos) is counted when it ran (CI runs it after npm test).
const chaos = path.join(dir, "vitest-chaos.json");
if (existsSync(chaos)) {
  const r = JSON.parse(readFileSync(chaos, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrors ?? 0) + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  lines.push(`vitest-chaos.json: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
} else if (process.env.CHAOS_EXPECTED) {
  lines.push("vitest-chaos.json: missing (suite did not run)");
  failed++;
}

const pw = path.join(dir, "playwright.json");
if (existsSync(pw)) {
  const r = JSON.parse(readFileSync(pw, "utf8"));
  const s = r.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += (s.unexpected ?? 0) + (r.errors?.length ?? 0);
  skipped += s.skipped ?? 0;
  lines.push(`playwright.json: ${(s.expected ?? 0) + (s.flaky ?? 0)} passed, ${s.unexpected ?? 0} failed`);
} else {
  lines.push("playwright.json: missing (suite did not run)");
  failed++;
}

if (process.env.DTF_NO_POSTGRES_SERVER) lines.push("not run: tests/integration/reliability/db-faults-quick.test.ts and snapshot-reads.test.ts (they need a Postgres server)");
for (const l of lines) console.log(l);
if (skipped > 0) console.log(`(${skipped} skipped)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
