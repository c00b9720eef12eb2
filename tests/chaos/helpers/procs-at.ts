/**
 * Runs one of the project's commands at a given instant, for tests that need processes to act within
 * the same second:
 *
 *   node --import tsx tests/chaos/helpers/procs-at.ts <epoch ms | stdin> jobs/sync.ts [args…]
 *
 * The modules the sync command needs are loaded first (tsx compiling them takes seconds on a busy
 * machine), and Prisma's query engine is loaded by one throwaway query on DATABASE_URL (the first
 * query of a process costs ~0.5 s more than the next); then it prints one JSON line
 * {"procsAt":"ready"} and sleeps until the instant, so that at the instant only the command's own
 * body runs: its claim follows within a few hundred milliseconds at most. With `stdin`
 * the instant (epoch ms) is read from the first line of standard input, sent once everyone is ready.
 */
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [at, script, ...args] = process.argv.slice(2);
if (!at || !(at === "stdin" || Number.isFinite(Number(at))) || !script) {
  console.error("usage: procs-at.ts <epoch ms | stdin> <script> [args…]");
  process.exit(2);
}

const [, { createPrisma }] = await Promise.all([
  import("../../../lib/db/bootstrap"),
  import("../../../lib/db/client"),
  import("../../../lib/db/migrate"),
  import("../../../lib/env"),
  import("../../../lib/sync/progress-format"),
  import("../../../lib/sync/start"),
  import("../../../jobs/run-main"),
]);
if (process.env.DATABASE_URL) {
  const warm = createPrisma(process.env.DATABASE_URL);
  await warm.$transaction((tx) => tx.$executeRawUnsafe("SELECT 1"));
  await warm.$disconnect();
}
const readyAt = Date.now();
console.log(JSON.stringify({ procsAt: "ready", readyAt }));
let instant = Number(at);
if (at === "stdin") {
  for await (const line of createInterface({ input: process.stdin })) {
    instant = Number(line);
    break;
  }
}
if (instant > Date.now()) await new Promise((r) => setTimeout(r, instant - Date.now()));

// The command reads its own arguments from process.argv.
const file = path.resolve(script);
process.argv = [process.argv[0]!, file, ...args];
await import(pathToFileURL(file).href);
