import { EnvError } from "../lib/env";

/** Runs a command's body: a known error prints one clear line and a non-zero exit, never a stack trace. */
export async function runMain(body: () => Promise<number | void>) {
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
