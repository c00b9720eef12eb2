import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * Embedded PostgreSQL (PGlite, Postgres compiled to WebAssembly) served on a local TCP port so that
 * Prisma's pg adapter, the migration runner and `psql` all talk to it like a real server.
 * Used when DATABASE_URL is unset (docs/decisions/002-embedded-database.md).
 *
 * One process owns the data directory; it writes `<dir>/../embedded.json` with its pid and port so
 * other commands (`npm run sync` while `npm start` runs) connect to it instead of opening the files twice.
 */

export type EmbeddedPostgres = { url: string; port: number; owned: boolean; stop(): Promise<void> };

type Marker = { pid: number; port: number };

function markerPath(dataDir: string) {
  return path.join(path.dirname(path.resolve(dataDir)), "embedded.json");
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

export function embeddedUrl(port: number) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** The URL of an embedded database another live process already serves from dataDir, if any. */
export async function findRunningEmbedded(dataDir: string): Promise<string | undefined> {
  try {
    const marker = JSON.parse(readFileSync(markerPath(dataDir), "utf8")) as Marker;
    if (marker.pid !== process.pid && alive(marker.pid) && (await portAnswers(marker.port))) return embeddedUrl(marker.port);
  } catch {
    // no marker or unreadable: nobody serves it
  }
  return undefined;
}

export async function startEmbeddedPostgres(opts: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  const running = await findRunningEmbedded(opts.dataDir);
  if (running) {
    const port = Number(new URL(running).port);
    return { url: running, port, owned: false, stop: async () => {} };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 20 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  writeFileSync(markerPath(opts.dataDir), JSON.stringify({ pid: process.pid, port } satisfies Marker));
  let stopped = false;
  return {
    url: embeddedUrl(port),
    port,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(markerPath(opts.dataDir), { force: true });
    },
  };
}
