import { execFileSync } from "node:child_process";
import os from "node:os";
import { describe, expect, it } from "vitest";

// In a child process: lowering the priority of this test worker would slow the tests after it.
const probe = (embedded: boolean) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import { readFileSync, readdirSync } from "node:fs";
         import { yieldCpuToWebApp } from "./lib/sync/priority.ts";
         yieldCpuToWebApp({ hostsEmbeddedDatabase: ${embedded} });
         const nice = (t) => Number(readFileSync("/proc/self/task/" + t + "/stat", "utf8").split(") ")[1].split(" ")[16]);
         console.log(JSON.stringify(readdirSync("/proc/self/task").map(nice)));`,
      ],
      { encoding: "utf8" },
    ).trim(),
  ) as number[];

describe("yieldCpuToWebApp (Linux)", () => {
  it("lowers every thread of a syncing process to below-normal priority", () => {
    const nices = probe(false);
    expect(nices.length).toBeGreaterThan(1);
    expect(new Set(nices)).toEqual(new Set([10]));
  });

  it("leaves a process that hosts the embedded database alone", () => {
    // Alone means at the priority it was started with: the test runner's own (0 unless run under nice).
    const started = os.getPriority();
    expect(probe(true).every((n) => n === started)).toBe(true);
  });
});
