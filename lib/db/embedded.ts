import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "../process-alive";
import { logger } from "../logger";

/**
 * Embedded PostgreSQL (PGlite, Postgres compiled to WebAssembly) served on a local TCP port so that
 * Prisma's pg adapter, the migration runner and `psql` all talk to it like a real server.
 * Used when DATABASE_URL is unset (docs/decisions/002-embedded-database.md).
 *
 * One process owns the data directory. Next to it:
 * - `embedded.lock`, created exclusively (O_EXCL) by the process that opens the files, holding its
 *   pid: two commands started together cannot both open them. A lock whose process is gone is
 *   taken over.
 * - `embedded.json` (pid, port, role), written once the server answers, so other processes connect
 *   to it instead of opening the files twice.
 * Roles: an "app" (`npm start`, `npm run jobs`) runs for long; a "command" (`npm run sync`, migrate,
 * seed, reclassify) exits soon and stops the server it owns. So an app never attaches to a
 * command's server (it would lose its database when the command ends): it waits for the command to
 * finish, then starts its own. A command attaches to any live server.
 */

export type EmbeddedRole = "app" | "command";

export type EmbeddedPostgres = { url: string; port: number; owned: boolean; stop(): Promise<void> };

export type StartEmbeddedOptions = {
  dataDir: string;
  port?: number;
  /** Default "command" (see above). */
  role?: EmbeddedRole;
  /** How long to wait for another process that holds the lock to start serving. Default 60 s. */
  startWaitMs?: number;
  /** How long an app waits for a one-off command to release the database. Default 10 min. */
  commandWaitMs?: number;
  /** Poll interval while waiting. Default 250 ms. */
  pollMs?: number;
};

type Owner = { pid: number; start?: string };
type Marker = Owner & { port: number; role?: EmbeddedRole };

export function markerPath(dataDir: string) {
  return path.join(path.dirname(path.resolve(dataDir)), "embedded.json");
}

export function lockPath(dataDir: string) {
  return path.join(path.dirname(path.resolve(dataDir)), "embedded.lock");
}

/** Linux: the process's start time (field 22 of /proc/<pid>/stat), so a recycled pid is told apart. */
function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

const self: Owner = { pid: process.pid, start: procStart(process.pid) };

/** Locks this process holds, and the port it serves for each. */
const heldHere = new Set<string>();
const servedHere = new Map<string, number>();

/** Whether the process recorded as `owner` (by another process) still runs. Our own pid in a file we do not hold is a leftover of an earlier process that had it (containers reuse pids). */
function otherOwnerAlive(owner: Owner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || owner.pid === process.pid) return false;
  if (!isProcessAlive(owner.pid)) return false;
  if (owner.start === undefined) return true;
  const now = procStart(owner.pid);
  return now === undefined || now === owner.start;
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

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Marks a connection string as embedded PGlite, so clients know to keep to one connection (lib/db/client.ts). */
export const EMBEDDED_APP_NAME = "dtf-embedded";

export function embeddedUrl(port: number) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable&application_name=${EMBEDDED_APP_NAME}`;
}

export function isEmbeddedUrl(url: string) {
  return url.includes(`application_name=${EMBEDDED_APP_NAME}`);
}

/** The marker of a server another live process serves from dataDir, if any. */
async function liveMarker(dataDir: string): Promise<Marker | undefined> {
  const marker = readJson<Marker>(markerPath(dataDir));
  if (marker && Number.isInteger(marker.port) && otherOwnerAlive(marker) && (await portAnswers(marker.port))) return marker;
  return undefined;
}

/** The URL of an embedded database another live process already serves from dataDir, if any. */
export async function findRunningEmbedded(dataDir: string): Promise<string | undefined> {
  const marker = await liveMarker(dataDir);
  return marker ? embeddedUrl(marker.port) : undefined;
}

/** Creates the lock file exclusively with our pid. False when it exists. */
export function tryTakeLock(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(self));
  } finally {
    closeSync(fd);
  }
  heldHere.add(file);
  return true;
}

/** Removes the lock file when the process that holds it is gone. True when it is gone now. */
export function clearStaleLock(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT";
  }
  let holder: Owner | undefined;
  try {
    holder = JSON.parse(text) as Owner;
  } catch {
    holder = undefined;
  }
  if (holder) {
    if (heldHere.has(file) || otherOwnerAlive(holder)) return false;
  } else {
    // Empty or partial: its creator is writing it right now, unless it has stayed so for a while.
    try {
      if (Date.now() - statSync(file).mtimeMs < 5000) return false;
    } catch {
      return true;
    }
  }
  // Read again just before removing so that a lock another process has just taken over stays.
  try {
    if (readFileSync(file, "utf8") !== text) return false;
  } catch {
    return true;
  }
  rmSync(file, { force: true });
  return true;
}

/** Removes a lock or marker file only if it is still ours. */
function removeIfOurs(file: string) {
  const content = readJson<Owner>(file);
  if (content?.pid === process.pid) rmSync(file, { force: true });
}

function attached(port: number): EmbeddedPostgres {
  return { url: embeddedUrl(port), port, owned: false, stop: async () => {} };
}

/**
 * Connects to the embedded database of dataDir: the server another process serves (subject to the
 * role rule above), or a new one this process starts and owns (stop() closes it and removes the
 * marker and the lock).
 */
export async function startEmbeddedPostgres(opts: StartEmbeddedOptions): Promise<EmbeddedPostgres> {
  const role = opts.role ?? "command";
  const pollMs = opts.pollMs ?? 250;
  const startWaitMs = opts.startWaitMs ?? 60_000;
  const commandWaitMs = opts.commandWaitMs ?? 600_000;
  const lock = lockPath(opts.dataDir);
  mkdirSync(path.dirname(lock), { recursive: true });
  let waitingForStart: number | undefined;
  let waitingForCommand: number | undefined;
  let lastLog = 0;
  for (;;) {
    const ownPort = servedHere.get(lock);
    if (ownPort !== undefined) return attached(ownPort);

    const marker = await liveMarker(opts.dataDir);
    if (marker) {
      waitingForStart = undefined;
      if (role === "command" || marker.role !== "command") return attached(marker.port);
      const now = Date.now();
      waitingForCommand ??= now;
      if (now - waitingForCommand > commandWaitMs) {
        throw new Error(
          `process ${marker.pid} (a one-off command) still holds the embedded database after ${Math.round(commandWaitMs / 1000)} s; let it finish or stop it, then start again`,
        );
      }
      if (now - lastLog >= 10_000) {
        lastLog = now;
        logger.info({ pid: marker.pid }, `waiting for ${marker.pid} (a one-off command) to release the embedded database`);
      }
      await sleep(pollMs);
      continue;
    }
    waitingForCommand = undefined;

    if (tryTakeLock(lock)) return serve(opts.dataDir, opts.port, role, lock);
    if (clearStaleLock(lock)) continue;

    // Another live process holds the lock: it is starting the server. Wait for its marker.
    const now = Date.now();
    waitingForStart ??= now;
    if (now - waitingForStart > startWaitMs) {
      const holder = readJson<Owner>(lock);
      throw new Error(
        `process ${holder?.pid ?? "?"} holds ${lock} but has not started the embedded database within ${Math.round(startWaitMs / 1000)} s; if no other command is running, delete that file and retry`,
      );
    }
    await sleep(pollMs);
  }
}

async function serve(dataDir: string, port: number | undefined, role: EmbeddedRole, lock: string): Promise<EmbeddedPostgres> {
  const marker = markerPath(dataDir);
  const releaseLock = () => {
    heldHere.delete(lock);
    removeIfOurs(lock);
  };
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  let db: InstanceType<typeof PGlite> | undefined;
  let server: InstanceType<typeof PGLiteSocketServer>;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create({ dataDir });
    server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: port ?? 0, maxConnections: 20 });
    await server.start();
  } catch (err) {
    await db?.close().catch(() => {});
    releaseLock();
    throw err;
  }
  const actualPort = Number(server.getServerConn().split(":").pop());
  // Written whole then renamed, so a reader never sees half a file.
  const tmp = `${marker}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...self, port: actualPort, role } satisfies Marker));
  renameSync(tmp, marker);
  servedHere.set(lock, actualPort);

  // If the process exits without stop() (process.exit after an error), leave no marker or lock behind.
  const onExit = () => {
    servedHere.delete(lock);
    removeIfOurs(marker);
    releaseLock();
  };
  process.on("exit", onExit);
  const database = db;
  let stopped = false;
  return {
    url: embeddedUrl(actualPort),
    port: actualPort,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off("exit", onExit);
      // Marker first (nobody new attaches), lock last (the next owner opens the files only once they are closed).
      servedHere.delete(lock);
      removeIfOurs(marker);
      try {
        await server.stop();
        await database.close();
      } finally {
        releaseLock();
      }
    },
  };
}
