// npm run eval:eligibility [-- --development-only] [--differences] [--profiles 300]
// Scores the rule reader (lib/eligibility/read.ts) against the annotated records bundled in
// tests/fixtures/eligibility/: dev.jsonl (30 records, split by a hash of the NCT id into a
// development part and a validation part) and validation.jsonl (records the reader was never
// developed on, when present). Development and validation figures are printed side by side; the
// last line gives the validation figures (the bar applies to records never tuned on).
// --development-only prints development figures alone (to iterate without seeing validation);
// --differences lists the development part's disagreements (never the validation part's).
// Every run that shows validation figures is appended to .data/eval-eligibility-looks.log.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { annotationSchema, differences, formatTable, generateProfiles, rulesOf, score, splitAnnotations, summaryLine, type Annotation, type Pair } from "@/lib/eligibility/evaluate";
import { readEligibility } from "@/lib/eligibility/read";
import { quietOnClosedStdout } from "./run-main";

quietOnClosedStdout();

const ROOT = process.cwd();
const FIXTURES = path.join(ROOT, "tests/fixtures/eligibility");
const RECORDS = [path.join(ROOT, "tests/fixtures/ctgov/studies"), path.join(ROOT, "tests/fixtures/ctgov/v1-converted")];

function fail(message: string): never {
  process.stderr.write(`eval:eligibility: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  let developmentOnly = false;
  let showDifferences = false;
  let profiles = 300;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--development-only") developmentOnly = true;
    else if (arg === "--differences") showDifferences = true;
    else if (arg === "--profiles") {
      profiles = Number(argv[++i]);
      if (!Number.isInteger(profiles) || profiles < 1 || profiles > 100_000) fail("--profiles needs a whole number from 1 to 100000");
    } else fail(`unknown argument '${arg}'`);
  }
  return { developmentOnly, showDifferences, profiles };
}

function readAnnotations(file: string): Annotation[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        fail(`${path.basename(file)}:${i + 1} is not valid JSON`);
      }
      const parsed = annotationSchema.safeParse(json);
      if (!parsed.success) fail(`${path.basename(file)}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
      return [parsed.data];
    });
}

function readRecord(nctId: string): unknown {
  for (const dir of RECORDS) {
    for (const name of [`${nctId}.json.gz`, `${nctId}.json`]) {
      const file = path.join(dir, name);
      if (!existsSync(file)) continue;
      const buf = readFileSync(file);
      return JSON.parse((name.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8"));
    }
  }
  fail(`no bundled record for ${nctId} under tests/fixtures/ctgov/`);
}

const pairsOf = (annotations: Annotation[]): Pair[] =>
  annotations.map((a) => ({ nctId: a.nctId, expected: rulesOf(a), got: readEligibility(readRecord(a.nctId)).rules }));

function main(): void {
  const { developmentOnly, showDifferences, profiles: count } = parseArgs(process.argv.slice(2));
  const profiles = generateProfiles(count);
  const { development, validation } = splitAnnotations(readAnnotations(path.join(FIXTURES, "dev.jsonl")));
  const dev = pairsOf(development);
  const parts = [{ name: "development", score: score(dev, profiles) }];
  let last = parts[0]!.score;
  if (!developmentOnly) {
    const heldOut = pairsOf(validation);
    const annotatorsFile = path.join(FIXTURES, "validation.jsonl");
    const annotators = existsSync(annotatorsFile) ? pairsOf(readAnnotations(annotatorsFile)) : [];
    parts.push({ name: "validation(split)", score: score(heldOut, profiles) });
    if (annotators.length > 0) parts.push({ name: "validation(new)", score: score(annotators, profiles) });
    last = score([...heldOut, ...annotators], profiles);
    parts.push({ name: "validation(all)", score: last });
    mkdirSync(path.join(ROOT, ".data"), { recursive: true });
    appendFileSync(path.join(ROOT, ".data/eval-eligibility-looks.log"), `${new Date().toISOString()}\n`);
  }
  process.stdout.write(`${count} generated profiles; each check is one question for one record and one profile\n\n`);
  process.stdout.write(`${formatTable(parts)}\n`);
  if (showDifferences) {
    process.stdout.write("\ndevelopment differences (key: annotators → reader):\n");
    for (const d of differences(dev)) process.stdout.write(`  ${d.nctId} ${d.key}: ${JSON.stringify(d.expected)} → ${JSON.stringify(d.got)}\n`);
  }
  process.stdout.write(`\n${developmentOnly ? "(development part only) " : ""}\n${summaryLine(last)}\n`);
}

main();
