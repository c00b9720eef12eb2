/**
 * npm run bench:eligibility [-- --seconds 5]
 * Reads the eligibility rules (lib/eligibility/read.ts) of every full record in ../shared (or, without
 * shared/, the bundled copies under tests/fixtures/ctgov) over and over for a few seconds, in this one
 * process (one core). Parsing JSON is done once up front and is not timed: the sync reads rules from
 * records it has already parsed. The rate is per second of this process's own CPU time, so a busy
 * machine does not make the reader look slower; the wall-clock rate is printed too.
 * Then times POST /api/fit for 500 trials (tests/bench/fit.ts).
 * Last line: `bench:eligibility <records/s> records/s; /api/fit 500 trials p95 <ms> ms`.
 */
import { readEligibility } from "../../lib/eligibility/read";
import { positiveArg } from "./args";
import { loadBenchRecords } from "./classify";
import { printFit, runFitBench } from "./fit";

export type ReadBenchResult = { records: number; read: number; seconds: number; cpuSeconds: number; perSecond: number; perWallSecond: number; slowestMs: number; from: string };

/** Read every record's rules repeatedly for about `seconds` and report the rate and the slowest single read. */
export function runReadBench(seconds = 5, root = process.cwd()): ReadBenchResult {
  const { records, from } = loadBenchRecords(root);
  if (records.length === 0) throw new Error(`no records found under ${from}`);
  // One untimed pass lets the JIT compile the patterns before measuring; it also finds the slowest record.
  let slowestMs = 0;
  for (const r of records) {
    const t = performance.now();
    readEligibility(r);
    slowestMs = Math.max(slowestMs, performance.now() - t);
  }
  let read = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t0 < seconds * 1000) {
    for (const r of records) readEligibility(r);
    read += records.length;
  }
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (performance.now() - t0) / 1000;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { records: records.length, read, seconds: elapsed, cpuSeconds, perSecond: read / cpuSeconds, perWallSecond: read / elapsed, slowestMs, from };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = positiveArg("--seconds", 5);
  const r = runReadBench(seconds);
  console.log(
    `records: ${r.records} from ${r.from}; read ${r.read} in ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s CPU (${Math.round(r.perWallSecond)} records/s wall clock); slowest single record ${r.slowestMs.toFixed(1)} ms (first pass, before JIT)`,
  );
  // POST /api/fit for 500 trials (SPEC §9: p95 ≤ 50 ms), measured in its own process (tests/bench/fit.ts).
  const fit = await runFitBench();
  printFit(fit);
  console.log(`bench:eligibility ${Math.round(r.perSecond)} records/s; /api/fit 500 trials p95 ${fit.p95} ms`);
}
