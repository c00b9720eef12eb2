import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./web";

/**
 * A private PostgreSQL cluster for tests that stop, restart or crash the database: initdb in a
 * temporary directory, on its own port, trust auth, fsync off. The machine's Postgres is never
 * touched. Postgres refuses to run as root, so when we are root the server runs as the `postgres`
 * OS user (the Debian package's).
 */
export type PrivateCluster = {
  port: number;
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  /** A new empty database's URL. */
  createDatabase(name: string): Promise<string>;
  start(): void;
  /** pg_ctl stop: `fast` rolls back and disconnects clients; `immediate` is a crash (recovery on the next start). */
  stop(mode?: "fast" | "immediate"): void;
  restart(mode?: "fast" | "immediate"): void;
  running(): boolean;
  destroy(): void;
};

function binDir(): string {
  const env = process.env.PG_BIN_DIR;
  if (env) return env;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(root, v, "bin", "initdb"))) return path.join(root, v, "bin");
  throw new Error("no PostgreSQL server binaries found (set PG_BIN_DIR or apt-get install postgresql)");
}


export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "dtf-pgcluster-"));
  const asRoot = process.getuid?.() === 0;
  chmodSync(dir, 0o777);
  const run = (tool: string, args: string[]) => {
    const cmd = path.join(bin, tool);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 }).toString();
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const log = path.join(dir, "server.log");
  const cluster: PrivateCluster = {
    port,
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const admin = new pg.Client({ connectionString: cluster.adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end().catch(() => {});
      }
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    start() {
      run("pg_ctl", ["-D", data, "-o", opts, "-l", log, "-w", "-t", "60", "start"]);
    },
    stop(mode = "fast") {
      run("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
    },
    restart(mode = "fast") {
      cluster.stop(mode);
      cluster.start();
    },
    running() {
      const cmd = path.join(bin, "pg_ctl");
      const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", cmd, "-D", data, "status"]] : [cmd, ["-D", data, "status"]];
      return spawnSync(file, argv, { stdio: "ignore" }).status === 0;
    },
    destroy() {
      try {
        if (cluster.running()) cluster.stop("immediate");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  cluster.start();
  return cluster;
}
