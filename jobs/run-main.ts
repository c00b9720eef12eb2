import { statSync } from "node:fs";
import { EnvError } from "../lib/env";
import { applyLogLevel } from "../lib/logger";

/**
 * Loads `.env` from the working directory into process.env (variables already set win). A missing
 * file is fine; one that cannot be read or parsed stops the command with one clear line.
 * Must run before anything calls env() (which caches) — no module calls it at import time.
 */
export function loadDotEnv(file = ".env") {
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    let reason = err instanceof Error ? err.message : String(err);
    try {
      if (!statSync(file).isFile()) reason = "it is not a file";
    } catch {
      // keep the error's own message
    }
    console.error(`error: cannot load ${file}: ${reason.split("\n")[0]}`);
    process.exit(1);
  }
  applyLogLevel(); // the logger was created at import, before .env's LOG_LEVEL was known
}

/** Runs a command's body: a known error prints one clear line and a non-zero exit, never a stack trace. */
export async function runMain(body: () => Promise<number | void>) {
  loadDotEnv();
  try {
    const code = await body();
    process.exit(code ?? 0);
  } catch (err) {
    if (err instanceof EnvError) console.error(err.message);
    else console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.DEBUG && err instanceof Error) console.error(err.stack);
    process.exit(1);
  }
}

/** For commands whose output is piped (`npm run classify -- f.json | head`): a reader that closes early ends the command quietly, not with an EPIPE stack trace. */
export function quietOnClosedStdout() {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
