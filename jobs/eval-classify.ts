// npm run eval:classify [-- --labels <dir>] [--development-only] [--min-f1 0.95]
// Scores lib/classify against the hand-labelled records in ../shared/labels/*.jsonl (records from
// ../shared/ctgov/studies and ../shared/ctgov-v1 alike), split by NCT id into a development part
// (tune against it; its disagreements are listed) and a validation part (measured only: figures and
// confusion counts, never which records). `--development-only` leaves validation out so rules can be
// iterated on without looking; every run that does measure validation is counted in
// node_modules/.cache/eval-classify/validation-looks.log and the count is printed.
// It is a report: it exits 0 unless --min-f1 is given and therapy/source/route micro-F1 or donor
// accuracy of the validation part (development with --development-only) falls below it.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { classifyStudy } from "@/lib/classify/classify";
import { belowBar, confusion, formatSplitReport, labelSchema, partOf, score, type Label } from "@/lib/classify/evaluate";
import { asOfFor } from "@/lib/classify/input";
import type { Classification } from "@/lib/classify/schema";
import { quietOnClosedStdout } from "./run-main";

quietOnClosedStdout();

function fail(message: string): never {
  process.stderr.write(`eval:classify: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { labels: string; fresh: string; minF1: number | undefined; developmentOnly: boolean } {
  let labels = path.resolve(process.cwd(), "../shared/labels");
  let fresh = path.resolve(process.cwd(), "tests/fixtures/labels");
  let minF1: number | undefined;
  let developmentOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--labels") labels = path.resolve(argv[++i] ?? fail("--labels needs a directory"));
    else if (arg === "--fresh") fresh = path.resolve(argv[++i] ?? fail("--fresh needs a directory"));
    else if (arg === "--development-only") developmentOnly = true;
    else if (arg === "--min-f1") {
      minF1 = Number(argv[++i]);
      if (!Number.isFinite(minF1) || minF1 < 0 || minF1 > 1) fail("--min-f1 needs a number between 0 and 1");
    } else fail(`unknown argument '${arg}'`);
  }
  return { labels, fresh, minF1, developmentOnly };
}

function readLabels(dir: string): Label[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort();
  } catch {
    fail(`cannot read labels directory ${dir}`);
  }
  if (files.length === 0) fail(`no *.jsonl files in ${dir}`);
  return files.flatMap((f) => readLabelFile(path.join(dir, f)));
}

function readLabelFile(file: string): Label[] {
  const f = path.basename(file);
  const labels: Label[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        fail(`${f}:${i + 1} is not valid JSON`);
      }
      const parsed = labelSchema.safeParse(json);
      if (!parsed.success) fail(`${f}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      labels.push(parsed.data);
    });
  return labels;
}

function classifyLabel(shared: string, label: Label): { label: Label; got: Classification } {
  const file = path.resolve(shared, label.record);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    fail(`cannot read record ${file} for ${label.nctId}`);
  }
  return { label, got: classifyStudy(raw, { asOf: asOfFor(raw, new Date()) }) };
}

function main(): void {
  const { labels: dir, fresh, minF1, developmentOnly } = parseArgs(process.argv.slice(2));
  const shared = path.dirname(dir);
  const pairs: { label: Label; got: Classification }[] = [];
  for (const label of readLabels(dir)) {
    if (developmentOnly && partOf(label.nctId) === "validation") continue;
    pairs.push(classifyLabel(shared, label));
  }
  // Records labelled later by two independent annotators who saw only the conventions (never this
  // classifier's output), adjudicated, in sets fresh-1, fresh-2, …: the newest set is validation (measured
  // only); every earlier one was measured once and then developed against (tests/fixtures/labels/README.md).
  const sets = existsSync(fresh) ? readdirSync(fresh).filter((f) => /^fresh-\d+\.jsonl$/.test(f)).sort((a, b) => parseInt(a.slice(6)) - parseInt(b.slice(6))) : [];
  const newest = sets.at(-1);
  const freshSet = (name: string) => readLabelFile(path.join(fresh, name)).map((l) => classifyLabel(shared, l));
  const earlierFresh = sets.filter((f) => f !== newest).flatMap(freshSet);
  const freshPairs = developmentOnly || !newest ? [] : freshSet(newest);
  const devPairs = [...pairs.filter((p) => partOf(p.label.nctId) === "development"), ...earlierFresh];
  const heldOut = pairs.filter((p) => partOf(p.label.nctId) === "validation");
  const valPairs = [...heldOut, ...freshPairs];
  const dev = score(devPairs);
  const val = developmentOnly ? undefined : { report: score(valPairs), confusion: confusion(valPairs) };
  process.stdout.write(`${formatSplitReport(dev, confusion(devPairs), val)}\n`);
  if (val) {
    process.stdout.write(`\nvalidation = ${heldOut.length} held-out shared labels + ${freshPairs.length} fresh labels (${path.relative(process.cwd(), fresh)}/${newest}); each part alone:\n`);
    for (const [name, part] of [["held-out", heldOut], ["fresh", freshPairs]] as const) {
      if (part.length === 0) continue;
      const r = score([...part]);
      process.stdout.write(`  ${name.padEnd(9)} ${r.sets.map((s) => `${s.attribute} ${s.f1.toFixed(3)}`).join(", ")}, donor acc ${r.donor.accuracy.toFixed(3)} (${r.donor.n} records)\n`);
    }
    process.stdout.write(`\nvalidation looks so far in this checkout: ${countLook()}\n`);
  }
  const report = val?.report ?? dev;
  if (minF1 !== undefined) {
    const low = belowBar(report, minF1);
    if (low.length > 0) {
      process.stdout.write(`\nbelow ${minF1}: ${low.join(", ")}\n`);
      process.exit(1);
    }
  }
}

/** Record one look at the validation part; returns how many there have been in this checkout. */
function countLook(): number {
  const dir = path.resolve(process.cwd(), "node_modules/.cache/eval-classify");
  const file = path.join(dir, "validation-looks.log");
  try {
    mkdirSync(dir, { recursive: true });
    appendFileSync(file, `${new Date().toISOString()}\n`);
    return readFileSync(file, "utf8").split("\n").filter(Boolean).length;
  } catch {
    return Number.NaN;
  }
}

main();
