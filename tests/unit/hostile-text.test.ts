import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { READERS } from "../hostile/read-texts";
import { hostileTexts } from "../hostile/text";

/**
 * Every reader of record or visitor text (tests/hostile/read-texts.ts: the trial page's eligibility
 * parser, the eligibility rule reader, the classifier, age and date parsers, the search parameters,
 * the place resolver) against strings built to make regular expressions backtrack (tests/hostile/text.ts).
 * A hang guard: the readers run in a child process that is killed when one call overruns, since a
 * catastrophic regex cannot be interrupted from its own thread. Budget per call: CPU time, generous
 * (the slowest reader needs ~0.3 s for a 20,000-character string in every field of a record); before
 * issue 19, one heading followed by 400 spaces took 30 s and the classifier 13 s on "1.1.1.…".
 */
const BUDGET_MS = 2_000;
const RUN = 10_000; // characters in each hostile run (the chaos suite uses 20,000)

type Line = { start?: string; reader?: string; case?: string; ms?: number; done?: true };

function runReaders(): Promise<{ lines: Line[]; hung: Line | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("tests/hostile/read-texts.ts")], {
      env: { ...process.env, HOSTILE_RUN: String(RUN) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: Line[] = [];
    let pending: Line | null = null;
    let hung: Line | null = null;
    let buffer = "";
    let stderr = "";
    let watchdog: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      // Wall-clock watchdog, 10× the CPU budget: only a call that really hangs trips it.
      watchdog = setTimeout(() => {
        hung = pending;
        child.kill("SIGKILL");
      }, BUDGET_MS * 10);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let nl;
      while ((nl = buffer.indexOf("\n")) !== -1) {
        const line = JSON.parse(buffer.slice(0, nl)) as Line;
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        pending = line.start ? line : null;
        arm();
      }
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    arm();
    child.on("exit", () => {
      clearTimeout(watchdog);
      resolve({ lines, hung, stderr });
    });
  });
}

describe("text readers on hostile strings", () => {
  it("every reader finishes every string within the budget (a hang guard)", { timeout: 600_000 }, async () => {
    const { lines, hung, stderr } = await runReaders();
    expect(hung, `hung: ${JSON.stringify(hung)}`).toBeNull();
    expect(lines.at(-1), stderr.slice(0, 2000)).toEqual({ done: true });
    const timed = lines.filter((l) => l.reader !== undefined);
    expect(timed).toHaveLength(hostileTexts({ run: RUN }).length * Object.keys(READERS).length);
    const over = timed.filter((l) => l.ms! > BUDGET_MS);
    expect(over, "calls over the budget").toEqual([]);
    const worst = [...timed].sort((a, b) => b.ms! - a.ms!)[0]!;
    console.log(`[hostile-text] ${timed.length} calls, slowest ${worst.ms} ms CPU: ${worst.reader} on ${(worst.case ?? "").slice(0, 80)}`);
  });
});
