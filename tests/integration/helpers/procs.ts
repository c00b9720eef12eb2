import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/**
 * Child processes for tests, one way: the project's own commands (jobs/sync.ts, the stand-in CLI, …)
 * through spawnTsx, `next start` (tests/chaos/helpers/web.ts, tests/e2e/serve.ts) through spawnProc. Output kept, exit
 * awaited, and every process a test started is stopped by stopAllProcs() in its afterAll, by pid,
 * even when the test failed half-way.
 */
export type Proc = {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Writes to its standard input (spawned with `stdin: true`). */
  send(text: string): void;
  stdout(): string;
  stderr(): string;
  /** Standard output and error interleaved as they arrived. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether it is still running. */
  running(): boolean;
  /** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
};

const OUTPUT_CAP = 500_000;
const started = new Set<Proc>();

/** Node (process.execPath) with these arguments and exactly this environment. */
export function spawnProc(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { stdin?: boolean; onData?: (chunk: Buffer, stream: "stdout" | "stderr") => void } = {},
): Proc {
  const child = spawn(process.execPath, args, { env, stdio: [opts.stdin ? "pipe" : "ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  let both = "";
  child.stdout!.on("data", (d: Buffer) => {
    opts.onData?.(d, "stdout");
    out = (out + d.toString()).slice(-OUTPUT_CAP);
    both = (both + d.toString()).slice(-OUTPUT_CAP);
  });
  child.stderr!.on("data", (d: Buffer) => {
    opts.onData?.(d, "stderr");
    err = (err + d.toString()).slice(-OUTPUT_CAP);
    both = (both + d.toString()).slice(-OUTPUT_CAP);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  const proc: Proc = {
    name,
    child,
    pid: child.pid!,
    send: (text) => void child.stdin?.write(text),
    stdout: () => out,
    stderr: () => err,
    output: () => both,
    exited,
    running,
    async stop(graceMs = 10_000) {
      if (running()) {
        child.kill(graceMs <= 0 ? "SIGKILL" : "SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), Math.max(graceMs, 0));
        await exited;
        clearTimeout(timer);
      }
      started.delete(proc);
    },
  };
  started.add(proc);
  void exited.then(() => started.delete(proc));
  return proc;
}

/** One of the project's TypeScript commands, run by tsx with NODE_ENV=production and `env` over the runner's own. */
export function spawnTsx(name: string, script: string, args: string[], env: Record<string, string>, opts: { stdin?: boolean } = {}): Proc {
  // The test runner's own NODE_OPTIONS (heap caps, loaders) are not the command's.
  const { NODE_OPTIONS: _ignored, DATABASE_URL: _ours, ...inherited } = process.env;
  return spawnProc(name, ["--import", "tsx", path.resolve(script), ...args], { ...inherited, NODE_ENV: "production", ...env }, opts);
}

/** For afterAll: stops every process spawned here that is still running (graceMs 0: SIGKILL at once). */
export async function stopAllProcs(graceMs = 5_000) {
  await Promise.all([...started].map((p) => p.stop(graceMs)));
}

/** Polls until probe returns a value (not undefined); throws with `what` after timeoutMs. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Pino JSON lines from a process's stdout, parsed; other lines are skipped. */
export function logLines(text: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a line cut by the output cap
    }
  }
  return lines;
}
