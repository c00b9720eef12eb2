// npm run eval:eligibility [-- --development-only] [--differences] [--profiles 300]
// Scores the rule reader (lib/eligibility/read.ts) against the annotated records bundled in
// tests/fixtures/eligibility/ (docs/decisions/022-eligibility-rule-reader.md):
// - development: dev.jsonl (30 shared records), validation.jsonl (24 more) and every fresh-N.jsonl
//   but the newest: every record whose figures have been looked at. They may be studied freely
//   (--differences lists them).
// - validation: the newest fresh-N.jsonl (highest N), records annotated independently and never
//   looked at while developing the reader ("validation: none yet" when there is no fresh file). Only
//   its figures are printed, never its differences. Once measured, it joins development (at once
//   with MEASURED_THROUGH below, or when the next fresh file arrives).
// Development and validation figures are printed side by side; the last line gives the validation
// figures when there are any (the bar applies to records never tuned on), else development's.
// --development-only never reads the validation file (the way to iterate on the reader).
// Every run that shows validation figures is appended to .data/eval-eligibility-looks.log, so the
// number of looks is counted, not remembered.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { annotationSchema, differences, formatTable, generateProfiles, rulesOf, score, heldOut, joinDevelopment, summaryLine, type Annotation, type Pair } from "@/lib/eligibility/evaluate";
import { readEligibility } from "@/lib/eligibility/read";
import { splitFiles } from "@/lib/eval/split";
import { quietOnClosedStdout } from "./run-main";

quietOnClosedStdout();

const ROOT = process.cwd();
const FIXTURES = path.join(ROOT, "tests/fixtures/eligibility");
const FIXED_DEVELOPMENT_FILES = ["dev.jsonl", "validation.jsonl"];
// fresh-1 .. fresh-MEASURED_THROUGH have been measured (their figures seen): development even while
// no newer fresh file exists. Raise it when the newest fresh file has been measured.
const MEASURED_THROUGH = 1;
const { development: DEVELOPMENT_FILES, validation: VALIDATION_FILE } = splitFiles(readdirSync(FIXTURES), FIXED_DEVELOPMENT_FILES, MEASURED_THROUGH);
// The bundled copies first; ../shared (beside the main checkout) for records not bundled yet.
const RECORDS = [
  path.join(ROOT, "tests/fixtures/ctgov/studies"),
  path.join(ROOT, "tests/fixtures/ctgov/v1-converted"),
  path.resolve(ROOT, "../shared/ctgov/studies"),
  path.resolve(ROOT, "../shared/ctgov-v1"),
];

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
  fail(`no record for ${nctId} under tests/fixtures/ctgov/ or ../shared/ctgov/`);
}

const pairsOf = (annotations: Annotation[]): Pair[] =>
  annotations.map((a) => ({ nctId: a.nctId, expected: rulesOf(a), got: readEligibility(readRecord(a.nctId)).rules }));

function main(): void {
  const { developmentOnly, showDifferences, profiles: count } = parseArgs(process.argv.slice(2));
  const profiles = generateProfiles(count);
  const joined = joinDevelopment(DEVELOPMENT_FILES.map((name) => readAnnotations(path.join(FIXTURES, name))));
  if (joined.repeated.length > 0) fail(`records annotated twice in ${DEVELOPMENT_FILES.join(" and ")}: ${joined.repeated.join(", ")}`);
  const dev = pairsOf(joined.records);
  const parts = [{ name: "development", score: score(dev, profiles) }];
  let last = parts[0]!.score;
  let validationNote: string;
  if (developmentOnly) validationNote = `validation: not read (--development-only${VALIDATION_FILE ? `; ${VALIDATION_FILE}` : ""})`;
  else if (VALIDATION_FILE === null) validationNote = `validation: none yet (no tests/fixtures/eligibility/fresh-${MEASURED_THROUGH + 1}.jsonl)`;
  else {
    const fresh = heldOut(readAnnotations(path.join(FIXTURES, VALIDATION_FILE)), joined.records);
    if (fresh.records.length === 0) validationNote = `validation: none (${VALIDATION_FILE} holds no record outside development)`;
    else {
      last = score(pairsOf(fresh.records), profiles);
      parts.push({ name: "validation", score: last });
      validationNote = `validation: ${VALIDATION_FILE}, ${fresh.records.length} records never looked at`;
      mkdirSync(path.join(ROOT, ".data"), { recursive: true });
      appendFileSync(path.join(ROOT, ".data/eval-eligibility-looks.log"), `${new Date().toISOString()} ${VALIDATION_FILE} ${fresh.records.length} records\n`);
    }
    if (fresh.overlap.length > 0) validationNote += `; left out of validation because they are development records: ${fresh.overlap.join(", ")}`;
  }
  process.stdout.write(`${count} generated profiles; each check is one question for one record and one profile\n`);
  process.stdout.write(`development: ${DEVELOPMENT_FILES.join(" + ")}, ${dev.length} records (looked at; may be studied)\n${validationNote}\n\n`);
  process.stdout.write(`${formatTable(parts)}\n`);
  if (showDifferences) {
    process.stdout.write("\ndevelopment differences (key: annotators → reader):\n");
    for (const d of differences(dev)) process.stdout.write(`  ${d.nctId} ${d.key}: ${JSON.stringify(d.expected)} → ${JSON.stringify(d.got)}\n`);
  }
  process.stdout.write(`\n(the last line gives the ${parts.length > 1 ? "validation" : "development"} figures)\n${summaryLine(last)}\n`);
}

main();
