import { type Proc, spawnTsx } from "../../integration/helpers/procs";

/**
 * The stand-in and the sync CLI as processes of their own for the load test: they then compete for
 * the machine with the web app as they would in production, not with the load generator's event
 * loop. Started through tests/integration/helpers/procs.ts, so stopAllProcs() there stops them too.
 */

const outputOf = (proc: Proc) => `${proc.stdout()}${proc.stderr()}`;

/** The stand-in CLI on a free port; resolves with its API base URL once it listens. */
export async function spawnStandinProcess(args: string[]): Promise<Proc & { url: string; controlUrl: string }> {
  const proc = spawnTsx("stand-in", "tests/ctgov-standin/cli.ts", ["--port", "0", ...args], {});
  const deadline = Date.now() + 60_000;
  for (;;) {
    const m = /listening on (\S+)/.exec(proc.stdout());
    if (m) return Object.assign(proc, { url: m[1]!, controlUrl: `${m[1]!.replace(/\/api\/v2$/, "")}/__control` });
    if (proc.child.exitCode !== null || Date.now() > deadline) {
      await proc.stop();
      throw new Error(`the stand-in did not start:\n${outputOf(proc)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `npm run sync -- --full` against the stand-in, as its own process; resolves with its exit code and run time. */
export async function runFullSync(env: { databaseUrl: string; ctgovUrl: string }): Promise<{ code: number | null; ms: number; output: string; started: number; ended: number }> {
  const started = performance.now();
  const proc = spawnTsx("sync", "jobs/sync.ts", ["--full"], {
    DATABASE_URL: env.databaseUrl,
    CTGOV_BASE_URL: env.ctgovUrl,
    CTGOV_PAGE_SIZE: "1000",
    CTGOV_RATE_LIMIT_PER_MIN: "6000",
    LOG_LEVEL: "warn",
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const tooLong = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`sync still running after 5 minutes:\n${outputOf(proc)}`)), 5 * 60_000)));
    const { code } = await Promise.race([proc.exited, tooLong]);
    const ended = performance.now();
    return { code, ms: ended - started, output: outputOf(proc), started, ended };
  } finally {
    clearTimeout(timer);
    await proc.stop();
  }
}
