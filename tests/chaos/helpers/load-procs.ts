import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/**
 * The stand-in and the sync CLI as processes of their own for the load test: they then compete for
 * the machine with the web app as they would in production, not with the load generator's event
 * loop. Output is kept; stop() resolves once the process is gone (SIGKILL after a grace period).
 */
export type NodeProc = {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  stop(graceMs?: number): Promise<void>;
};

const running = new Set<NodeProc>();

/** For afterAll: stops every process started here that still runs (a timed-out test leaves some). */
export async function stopAllProcs() {
  await Promise.all([...running].map((p) => p.stop(5_000)));
}

export function spawnTsx(script: string, args: string[], env: Record<string, string> = {}): NodeProc {
  // Our NODE_OPTIONS (heap caps, loaders) and database are not the child's.
  const { NODE_OPTIONS: _options, DATABASE_URL: _url, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(script), ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...inherited, ...env } });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-200_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc: NodeProc = {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(proc);
  void exited.then(() => running.delete(proc));
  return proc;
}

/** The stand-in CLI on a free port; resolves with its API base URL once it listens. */
export async function spawnStandinProcess(args: string[]): Promise<NodeProc & { url: string; controlUrl: string }> {
  const proc = spawnTsx("tests/ctgov-standin/cli.ts", ["--port", "0", ...args]);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const m = /listening on (\S+)/.exec(proc.output());
    if (m) return { ...proc, url: m[1]!, controlUrl: `${m[1]!.replace(/\/api\/v2$/, "")}/__control` };
    if (proc.child.exitCode !== null || Date.now() > deadline) {
      await proc.stop();
      throw new Error(`the stand-in did not start:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `npm run sync -- --full` against the stand-in, as its own process; resolves with its exit code and run time. */
export async function runFullSync(env: { databaseUrl: string; ctgovUrl: string }): Promise<{ code: number | null; ms: number; output: string; started: number; ended: number }> {
  const started = performance.now();
  const proc = spawnTsx("jobs/sync.ts", ["--full"], {
    DATABASE_URL: env.databaseUrl,
    CTGOV_BASE_URL: env.ctgovUrl,
    CTGOV_PAGE_SIZE: "1000",
    CTGOV_RATE_LIMIT_PER_MIN: "6000",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const tooLong = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`sync still running after 5 minutes:\n${proc.output()}`)), 5 * 60_000)));
    const code = await Promise.race([proc.exited, tooLong]);
    const ended = performance.now();
    return { code, ms: ended - started, output: proc.output(), started, ended };
  } finally {
    clearTimeout(timer);
    await proc.stop();
  }
}
