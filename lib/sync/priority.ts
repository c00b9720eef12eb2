import { readdirSync } from "node:fs";
import os from "node:os";
import { logger } from "../logger";

/**
 * Syncing is background work; answering a patient's search is not. A process that syncs but does not
 * serve pages (the CLI, the worker, the parent of `npm start`, which runs the scheduler beside its web
 * child) lowers its own CPU priority, so that on a busy machine the web app's requests come first and
 * the sync takes a little longer (docs/decisions/010). Not when the process hosts the embedded
 * database: the web app's queries would wait on it too. Best effort: a refusal is only logged.
 */
export function yieldCpuToWebApp(opts: { hostsEmbeddedDatabase: boolean }): void {
  if (opts.hostsEmbeddedDatabase) return;
  const below = os.constants.priority.PRIORITY_BELOW_NORMAL;
  // On Linux a priority belongs to a thread, and threads started later inherit it: lower every thread
  // there is now (the main thread, where parsing and classification run, V8's and libuv's helpers).
  let threads: number[] = [0];
  try {
    threads = readdirSync("/proc/self/task").map(Number);
  } catch {
    // Not Linux: setPriority(0) is the whole process there.
  }
  for (const tid of threads) {
    try {
      os.setPriority(tid, below);
    } catch (err) {
      logger.debug({ tid, err: (err as Error).message }, "could not lower a thread's CPU priority");
    }
  }
}
