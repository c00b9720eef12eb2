import { type ChildProcess, execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { nextDistDir, nextServerArgs } from "../../../lib/next-server";
import { spawnProc } from "../../integration/helpers/procs";

/**
 * The production build served by `next start`, pointed at a given database, for chaos tests that
 * need the real web app. Builds once when `.next/BUILD_ID` is missing (npm test builds it before the
 * end-to-end tests; test:chaos after npm test reuses it); rebuilds when app/, lib/, proxy.ts or
 * next.config.ts changed after the build, so a local run never tests old code. NEXT_DIST_DIR, when set, names another
 * build directory (next.config.ts), so a test can build and serve changed code beside the main build.
 */
function ensureBuild() {
  const buildId = path.join(nextDistDir(), "BUILD_ID");
  if (existsSync(buildId) && !newerThan(statSync(buildId).mtimeMs, ["app", "lib", "proxy.ts", "next.config.ts"])) return;
  execFileSync("npm", ["run", "build"], { stdio: ["ignore", "inherit", "inherit"], timeout: 15 * 60_000, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

/** Whether any file under these paths changed after `ms` (a build older than the code is rebuilt). */
function newerThan(ms: number, paths: string[]): boolean {
  const walk = (p: string): boolean => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return false;
    if (!st.isDirectory()) return st.mtimeMs > ms;
    return readdirSync(p).some((name) => name !== "generated" && walk(path.join(p, name)));
  };
  return paths.some(walk);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export type WebApp = { url: string; child: ChildProcess; output(): string; stop(): Promise<void> };

export const WEB_ADMIN_TOKEN = "chaos-admin-token-0123456789abcdef";

/** Starts `next start` on a free port; resolves once /api/health answers at all (any status). */
export async function startWeb(opts: { databaseUrl: string; env?: Record<string, string>; /** Node options before the server's own (e.g. --cpu-prof, which NODE_OPTIONS refuses). */ nodeArgs?: string[] }): Promise<WebApp> {
  ensureBuild();
  const port = await freePort();
  const proc = spawnProc("web", [...(opts.nodeArgs ?? []), ...nextServerArgs("start", port, "127.0.0.1")], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: opts.databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ADMIN_TOKEN: WEB_ADMIN_TOKEN,
    SESSION_SECRET: "chaos-session-secret-0123456789abcdef0123",
    LOG_LEVEL: "warn",
    ...opts.env,
  });
  const { child, output } = proc;
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await proc.stop(0);
      throw new Error(`next start did not answer within 120 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, output, stop: () => proc.stop(10_000) };
}
