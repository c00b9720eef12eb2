import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/**
 * The project's own commands (jobs/sync.ts, jobs/worker.ts, …) as child processes for chaos tests:
 * output kept, exit awaited, and every process a test started is stopped by stopAllProcs() in its
 * afterAll, by pid, even when the test failed half-way.
 */
export type Proc = {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Writes to its standard input (spawned with `stdin: true`). */
  send(text: string): void;
  stdout(): string;
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
};

const started = new Set<Proc>();

export function spawnTsx(name: string, script: string, args: string[], env: Record<string, string>, opts: { stdin?: boolean } = {}): Proc {
  // The test runner's own NODE_OPTIONS (heap caps, loaders) are not the command's.
  const { NODE_OPTIONS: _ignored, DATABASE_URL: _ours, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(script), ...args], {
    env: { ...inherited, NODE_ENV: "production", ...env },
    stdio: [opts.stdin ? "pipe" : "ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-500_000)));
  child.stderr!.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-500_000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const proc: Proc = {
    name,
    child,
    pid: child.pid!,
    send: (text) => void child.stdin?.write(text),
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
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

/** For afterAll: stops every process spawned here that is still running. */
export async function stopAllProcs() {
  await Promise.all([...started].map((p) => p.stop(5_000)));
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
