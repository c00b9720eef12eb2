/**
 * npm run bench:classify [-- --seconds 5 --warmup 5]
 * Classifies every full record in ../shared/ctgov/studies and ../shared/ctgov-v1 (or, without
 * shared/, the bundled copies under tests/fixtures/ctgov) over and over for a few seconds, in
 * this one process (one core). Parsing JSON is done once up front and is not timed: the sync
 * classifies records it has already parsed. The rate is per second of this process's own CPU
 * time, so a busy machine (other jobs sharing the cores) does not make the classifier look slower;
 * the wall-clock rate is printed too. Last line: `bench:classify <studies/s> studies/s`.
 *
 * The measured seconds follow --warmup seconds of the same work, untimed: for its first seconds a
 * process also spends CPU on V8's background threads compiling the classifier's code and
 * expressions (process CPU ran ~1.6× wall there, ~1.06× once warm), which a sync pays once per
 * process, not per record. The warm-up's own rate is printed as the cold figure.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { classifyStudy } from "../../lib/classify/classify";
import { asOfFor } from "../../lib/classify/input";
import { positiveArg } from "./args";

function readDir(dir: string): unknown[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") || f.endsWith(".json.gz"))
    .sort()
    .map((f) => {
      const buf = readFileSync(path.join(dir, f));
      return JSON.parse((f.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8"));
    });
}

/** The records to classify: shared/ when present, the bundled fixtures otherwise. */
export function loadBenchRecords(root = process.cwd()): { records: unknown[]; from: string } {
  const shared = path.resolve(root, "../shared");
  const fromShared = [...readDir(path.join(shared, "ctgov/studies")), ...readDir(path.join(shared, "ctgov-v1"))];
  if (fromShared.length > 0) return { records: fromShared, from: shared };
  const fixtures = path.resolve(root, "tests/fixtures/ctgov");
  return { records: [...readDir(path.join(fixtures, "studies")), ...readDir(path.join(fixtures, "v1-converted"))], from: fixtures };
}

export type ClassifyBenchResult = {
  records: number;
  classified: number;
  seconds: number;
  cpuSeconds: number;
  perSecond: number;
  perWallSecond: number;
  /** The warm-up's rate (a fresh process's first seconds, JIT compilation included). */
  coldPerSecond: number;
  coldSeconds: number;
  from: string;
};

/** Classify the records repeatedly for about `warmupSeconds`, then for about `seconds`, and report the rate of the second. */
export function runClassifyBench(seconds = 5, root = process.cwd(), warmupSeconds = 5): ClassifyBenchResult {
  const { records, from } = loadBenchRecords(root);
  if (records.length === 0) throw new Error(`no records found under ${from}`);
  const now = new Date();
  const asOf = records.map((r) => asOfFor(r, now));
  const run = (forSeconds: number) => {
    let classified = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    // At least one pass over every record.
    do {
      records.forEach((r, i) => classifyStudy(r, { asOf: asOf[i] as Date }));
      classified += records.length;
    } while (performance.now() - t0 < forSeconds * 1000);
    const cpu = process.cpuUsage(cpu0);
    return { classified, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
  const cold = run(warmupSeconds);
  const { classified, seconds: elapsed, cpuSeconds } = run(seconds);
  return {
    records: records.length,
    classified,
    seconds: elapsed,
    cpuSeconds,
    perSecond: classified / cpuSeconds,
    perWallSecond: classified / elapsed,
    coldPerSecond: cold.classified / cold.cpuSeconds,
    coldSeconds: cold.seconds,
    from,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = positiveArg("--seconds", 5);
  const warmup = positiveArg("--warmup", 5, { zero: true });
  const r = runClassifyBench(seconds, process.cwd(), warmup);
  console.log(`records: ${r.records} from ${r.from}; warm-up ${r.coldSeconds.toFixed(1)} s at ${Math.round(r.coldPerSecond)} studies/s of CPU (cold: JIT compiling)`);
  console.log(`classified ${r.classified} in ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s CPU (${Math.round(r.perWallSecond)} studies/s wall clock)`);
  console.log(`bench:classify ${Math.round(r.perSecond)} studies/s`);
}
