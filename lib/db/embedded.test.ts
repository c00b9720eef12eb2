import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearStaleLock, lockPath, markerPath, startEmbeddedPostgres, tryTakeLock } from "./embedded";

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

let dir: string;
let dataDir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "dtf-embedded-"));
  dataDir = path.join(dir, "pglite");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the embedded database's lock file", () => {
  it("is exclusive, kept while its holder lives, and taken over when the holder is gone", () => {
    const file = path.join(dir, "unit.lock");
    writeFileSync(file, JSON.stringify({ pid: process.ppid }));
    expect(tryTakeLock(file)).toBe(false);
    expect(clearStaleLock(file)).toBe(false); // a live holder keeps it
    writeFileSync(file, JSON.stringify({ pid: deadPid() }));
    expect(clearStaleLock(file)).toBe(true);
    expect(tryTakeLock(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8")).pid).toBe(process.pid);
    expect(tryTakeLock(file)).toBe(false); // even for its holder
    expect(clearStaleLock(file)).toBe(false); // held by this process: not stale
    rmSync(file);
  });

  it("times out with a clear message when a live holder never starts serving", async () => {
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.ppid }));
    try {
      await expect(startEmbeddedPostgres({ dataDir, startWaitMs: 300, pollMs: 50 })).rejects.toThrow(/holds .*embedded\.lock but has not started/);
    } finally {
      rmSync(lockPath(dataDir), { force: true });
    }
  });
});

describe("startEmbeddedPostgres", () => {
  it("takes over a dead process's lock and marker; two starts at once open the files once; stop() cleans up", async () => {
    const dead = deadPid();
    writeFileSync(lockPath(dataDir), JSON.stringify({ pid: dead }));
    writeFileSync(markerPath(dataDir), JSON.stringify({ pid: dead, port: 1, role: "app" }));
    const [a, b] = await Promise.all([startEmbeddedPostgres({ dataDir, pollMs: 50 }), startEmbeddedPostgres({ dataDir, pollMs: 50 })]);
    try {
      expect([a.owned, b.owned].sort()).toEqual([false, true]);
      expect(a.port).toBe(b.port);
      expect(JSON.parse(readFileSync(lockPath(dataDir), "utf8")).pid).toBe(process.pid);
      expect(JSON.parse(readFileSync(markerPath(dataDir), "utf8"))).toMatchObject({ pid: process.pid, port: a.port, role: "command" });
    } finally {
      await b.stop();
      await a.stop();
    }
    expect(existsSync(lockPath(dataDir))).toBe(false);
    expect(existsSync(markerPath(dataDir))).toBe(false);
  }, 60_000);

  describe("with a server another process serves", () => {
    // A stand-in: a live process (our parent) in the marker and a port that answers.
    let listener: net.Server;
    let port: number;
    beforeAll(async () => {
      listener = net.createServer((s) => s.destroy());
      await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
      port = (listener.address() as net.AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));
    const serveAs = (role: "app" | "command") => {
      writeFileSync(markerPath(dataDir), JSON.stringify({ pid: process.ppid, port, role }));
      writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.ppid }));
    };
    const release = () => {
      rmSync(markerPath(dataDir), { force: true });
      rmSync(lockPath(dataDir), { force: true });
    };

    it("a command attaches to any live server; an app attaches to an app's", async () => {
      try {
        serveAs("command");
        expect(await startEmbeddedPostgres({ dataDir, role: "command" })).toMatchObject({ owned: false, port });
        serveAs("app");
        expect(await startEmbeddedPostgres({ dataDir, role: "command" })).toMatchObject({ owned: false, port });
        expect(await startEmbeddedPostgres({ dataDir, role: "app" })).toMatchObject({ owned: false, port });
      } finally {
        release();
      }
    });

    it("an app never attaches to a command's server: it waits for the command to exit, then starts its own", async () => {
      try {
        serveAs("command");
        await expect(startEmbeddedPostgres({ dataDir, role: "app", commandWaitMs: 300, pollMs: 50 })).rejects.toThrow(/\(a one-off command\) still holds the embedded database/);
        const app = startEmbeddedPostgres({ dataDir, role: "app", pollMs: 50 });
        await new Promise((r) => setTimeout(r, 300));
        release(); // the command exits: its stop() removes marker and lock
        const own = await app;
        try {
          expect(own.owned).toBe(true);
          expect(own.port).not.toBe(port);
          expect(JSON.parse(readFileSync(markerPath(dataDir), "utf8"))).toMatchObject({ pid: process.pid, role: "app" });
        } finally {
          await own.stop();
        }
      } finally {
        release();
      }
    }, 60_000);
  });
});
