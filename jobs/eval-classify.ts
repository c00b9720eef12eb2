// npm run eval:classify [-- --labels <dir>] [--fresh <dir>] [--development-only] [--min-f1 0.95]
// Scores lib/classify against hand-labelled records and prints two parts side by side
// (docs/decisions/014-classifier-validation-split.md):
// - development (tune against it; its disagreements are listed): every record in ../shared/labels/*.jsonl
//   and the fresh sets already measured, tests/fixtures/labels/fresh-1 .. fresh-MEASURED_THROUGH;
// - validation (measured only: figures and confusion counts, never which records): the newest
//   fresh-N.jsonl above MEASURED_THROUGH, chosen by lib/eval/split.ts as eval:eligibility does. Until one
//   is added there is no validation set, and the report says so.
// `--development-only` leaves validation out so rules can be iterated on without looking; every run that
// does measure validation is counted in node_modules/.cache/eval-classify/validation-looks.log and the
// count is printed. It is a report: it exits 0 unless --min-f1 is given and therapy/source/route
// micro-F1 or donor accuracy of the validation part (development when there is none, or with
// --development-only) falls below it.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { classifyStudy } from "@/lib/classify/classify";
import { belowBar, confusion, formatSplitReport, labelSchema, score, type Label } from "@/lib/classify/evaluate";
import { asOfFor } from "@/lib/classify/input";
import type { Classification } from "@/lib/classify/schema";
import { splitFiles } from "@/lib/eval/split";
import { quietOnClosedStdout } from "./run-main";

quietOnClosedStdout();

// fresh-1 .. fresh-MEASURED_THROUGH have been measured (their figures seen) and are development; the
// next fresh file is validation. Raise it once the newest fresh file has been measured.
const MEASURED_THROUGH = 10;

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
  // Records labelled later by two independent annotators who saw only the conventions (never this
  // classifier's output), adjudicated, in sets fresh-1, fresh-2, … (tests/fixtures/labels/README.md).
  const { development: freshDev, validation: freshVal } = splitFiles(existsSync(fresh) ? readdirSync(fresh) : [], [], MEASURED_THROUGH);
  const freshSet = (name: string) => readLabelFile(path.join(fresh, name)).map((l) => classifyLabel(shared, l));
  const devPairs = [...readLabels(dir).map((l) => classifyLabel(shared, l)), ...freshDev.flatMap(freshSet)];
  const dev = score(devPairs);
  const valPairs = developmentOnly || freshVal === null ? [] : freshSet(freshVal);
  const val = valPairs.length === 0 ? undefined : { report: score(valPairs), confusion: confusion(valPairs) };
  const absent = developmentOnly ? "not measured (--development-only)" : `no validation set yet (no ${path.relative(process.cwd(), fresh)}/fresh-${MEASURED_THROUGH + 1}.jsonl)`;
  process.stdout.write(`${formatSplitReport(dev, confusion(devPairs), val, absent)}\n`);
  process.stdout.write(`\ndevelopment = ${path.relative(process.cwd(), dir)}/*.jsonl + ${freshDev.join(", ") || "no fresh sets"}\n`);
  if (val) process.stdout.write(`validation = ${path.relative(process.cwd(), fresh)}/${freshVal}\nvalidation looks so far in this checkout: ${countLook()}\n`);
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
