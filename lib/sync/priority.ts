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
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch (err) {
    logger.debug({ err: (err as Error).message }, "could not lower this process's CPU priority");
  }
}
