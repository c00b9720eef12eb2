/**
 * Regenerates the bundled recorded ClinicalTrials.gov data in tests/fixtures/ctgov/ from the
 * shared data folder that sits beside the repo (../shared), so a clone works without it.
 *
 *   npx tsx tests/ctgov-standin/refresh-fixtures.ts [--shared <dir>]
 *
 * Deterministic: records are gzipped one per file (level 9; Node's gzip header carries no
 * timestamp or name), files are written in sorted order, stale bundle files are removed, and
 * every v2 record is checked against the sha256 in the upstream index.json before it is copied.
 * Record bytes are never changed: gunzip gives back the exact upstream file.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const bundleRoot = path.join(repoRoot, "tests/fixtures/ctgov");
const NCT_FILE = /^NCT\d{8}\.json$/;

type IndexEntry = { nctId: string; file: string; sha256: string };

function parseArgs(argv: string[]): { shared: string } {
  let shared = path.resolve(repoRoot, "../shared");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--shared" && argv[i + 1]) shared = path.resolve(argv[++i]!);
    else throw new Error(`unknown argument: ${argv[i]} (usage: refresh-fixtures.ts [--shared <dir>])`);
  }
  return { shared };
}

function sha256(buf: Buffer): string {
  return createHash("sha256").update(buf).digest("hex");
}

/** Writes `<id>.json.gz` for every NCT*.json in `from`; returns how many were written. */
function bundleRecords(from: string, to: string, expectedSha?: Map<string, string>): number {
  mkdirSync(to, { recursive: true });
  for (const stale of readdirSync(to).filter((f) => f.startsWith("NCT"))) rmSync(path.join(to, stale));
  const files = readdirSync(from).filter((f) => NCT_FILE.test(f)).sort();
  for (const file of files) {
    const bytes = readFileSync(path.join(from, file));
    const want = expectedSha?.get(file);
    if (expectedSha && want !== sha256(bytes)) throw new Error(`${from}/${file}: sha256 differs from index.json (${want ?? "not listed"})`);
    writeFileSync(path.join(to, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  }
  return files.length;
}

function main() {
  const { shared } = parseArgs(process.argv.slice(2));
  const v2Dir = path.join(shared, "ctgov");
  const v1Dir = path.join(shared, "ctgov-v1");
  for (const dir of [v2Dir, v1Dir]) if (!existsSync(dir)) throw new Error(`not found: ${dir} (pass --shared <dir>)`);

  const index = JSON.parse(readFileSync(path.join(v2Dir, "index.json"), "utf8")) as { studies: IndexEntry[] };
  const sha = new Map(index.studies.filter((s) => s.file.startsWith("studies/")).map((s) => [path.basename(s.file), s.sha256]));

  const v2Out = path.join(bundleRoot, "studies");
  const v1Out = path.join(bundleRoot, "v1-converted");
  const nV2 = bundleRecords(path.join(v2Dir, "studies"), v2Out, sha);
  const nV1 = bundleRecords(v1Dir, v1Out);
  if (nV2 !== sha.size) throw new Error(`index.json lists ${sha.size} studies/ records, found ${nV2}`);

  // Per-file provenance travels with the records, unchanged.
  copyFileSync(path.join(v2Dir, "index.json"), path.join(v2Out, "index.json"));
  copyFileSync(path.join(v2Dir, "SOURCES.md"), path.join(v2Out, "SOURCES.upstream.md"));
  copyFileSync(path.join(v1Dir, "summary.csv"), path.join(v1Out, "summary.csv"));
  copyFileSync(path.join(v1Dir, "SOURCES.md"), path.join(v1Out, "SOURCES.upstream.md"));

  console.log(`bundled ${nV2} v2 records into ${path.relative(repoRoot, v2Out)} and ${nV1} v1-converted records into ${path.relative(repoRoot, v1Out)}`);
}

main();
