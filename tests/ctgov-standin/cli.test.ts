import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadRecords } from "./doc";
import { DEFAULT_DATA_DIRS } from "./server";

const CLI = path.join(import.meta.dirname, "cli.ts");
const children: ChildProcess[] = [];

function run(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", () => {
      const m = /^ctgov stand-in listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v2) \((\d+) studies\)$/m.exec(stdout);
      if (m) resolve(m[0]);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  ready.catch(() => {}); // awaited only by tests that expect a start
  return { child, ready, exited, out: () => stdout, err: () => stderr };
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
});

describe("npm run ctgov:standin", () => {
  it("serves a directory of NCT*.json records and closes cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "standin-"));
    const records = loadRecords(DEFAULT_DATA_DIRS);
    for (const id of ["NCT04042844", "NCT06325566"]) writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(records.get(id)));
    const cli = run(["--data", dir, "--port", "0", "--synthetic", "3", "--quirk"]);
    const line = await cli.ready;
    expect(line).toMatch(/\(5 studies\)$/);
    const url = /(http\S+)/.exec(line)![1]!;
    const page = (await (await fetch(`${url}/studies?pageSize=5`)).json()) as { studies: unknown[]; nextPageToken?: string };
    expect(page.studies).toHaveLength(5);
    expect(page.nextPageToken).toBeTruthy(); // --quirk: the full last page still has a token
    const faults = (await (await fetch(url.replace("/api/v2", "/__control/faults"))).json()) as { exactFullLastPageQuirk: boolean };
    expect(faults.exactFullLastPageQuirk).toBe(true);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });

  it("takes fault flags", async () => {
    const cli = run(["--fail-rate", "1", "--latency", "50"]);
    const url = /(http\S+)/.exec(await cli.ready)![1]!;
    expect([500, 502, 503]).toContain((await fetch(`${url}/version`)).status);
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--port", "eighty"], /--port must be an integer/],
    [["--fail-rate", "2"], /--fail-rate must be a number >= 0 and <= 1/],
    [["--broken-study", "42"], /--broken-study must be an NCT id/],
    [["--data", "/no/such/dir"], /not a directory: \/no\/such\/dir/],
  ])("exits 2 with a clear message for %j", async (args, message) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.err()).toMatch(message);
    expect(cli.out()).toBe("");
  });
});
