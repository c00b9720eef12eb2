/**
 * npm run bench: every benchmark in turn, each in its own process so one's memory does not colour
 * another's. Prints each benchmark's output and, at the end, their summary lines.
 * Pass --quick for smaller sizes (a smoke run).
 */
import { spawn } from "node:child_process";

const quick = process.argv.includes("--quick");
const benches: { name: string; args: string[] }[] = [
  { name: "bench:classify", args: ["tests/bench/classify.ts"] },
  { name: "bench:eligibility", args: ["tests/bench/eligibility.ts"] },
  { name: "bench:sync", args: ["tests/bench/sync.ts", "--n", quick ? "2000" : "20000"] },
  { name: "bench:search", args: ["tests/bench/search.ts", ...(quick ? ["--n", "10000", "--duration", "5", "--no-lighthouse"] : [])] },
];

function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" } });
    const lines: string[] = [];
    let buffer = "";
    child.stdout!.on("data", (d: Buffer) => {
      process.stdout.write(d);
      buffer += d.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      lines.push(...parts);
    });
    child.once("exit", (code) => resolve({ code: code ?? 1, lines: buffer ? [...lines, buffer] : lines }));
  });
}

const summary: string[] = [];
let failed = 0;
for (const b of benches) {
  console.log(`\n== ${b.name} ==`);
  const { code, lines } = await run(b.args);
  const last = [...lines].reverse().find((l) => l.startsWith(`${b.name} `));
  if (code !== 0 || !last) {
    failed++;
    summary.push(`${b.name}: failed (exit ${code})`);
  } else summary.push(last);
}
console.log("\n== summary ==");
for (const line of summary) console.log(line);
process.exit(failed ? 1 : 0);
