import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** Starts the stand-in CLI in its own process (so its memory does not count against ours); resolves with its base URL. */
export async function spawnStandin(args: string[]): Promise<{ url: string; stop(): void }> {
  // The stand-in gets none of our NODE_OPTIONS: a heap cap meant for the process under test must not throttle it.
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "tests/ctgov-standin/cli.ts", "--port", "0", ...args], { stdio: ["ignore", "pipe", "inherit"], env });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`stand-in exited with ${code}`)));
    lines.on("line", (line) => {
      const m = /listening on (\S+)/.exec(line);
      if (m) resolve(m[1]!);
    });
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

/** Samples this process's RSS; returns the peak in MB when stopped. */
export function rssSampler(intervalMs = 50) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round(peak / 1024 / 1024);
    },
  };
}
