// npm run classify -- <file.json>...
// Prints one JSON line per study: {"nctId","therapy","source","donor","route","phase","flags","why"}.
// A file may hold one study, an array of studies or an API page {studies: [...]}. A file that
// cannot be read or parsed is reported on stderr by name; the exit code is then 1.
import { readFileSync } from "node:fs";
import { classifyStudy } from "@/lib/classify/classify";
import { asOfFor, studiesIn, toLine } from "@/lib/classify/input";
import { quietOnClosedStdout } from "./run-main";

quietOnClosedStdout();

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write("usage: npm run classify -- <file.json>...\n");
    return 2;
  }
  let failed = 0;
  const now = new Date();
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (err) {
      const reason = err instanceof SyntaxError ? `invalid JSON (${err.message})` : err instanceof Error && "code" in err ? `cannot read it (${String((err as NodeJS.ErrnoException).code)})` : "cannot read it";
      process.stderr.write(`classify: ${file}: ${reason.replace(/\s+/g, " ")}\n`);
      failed++;
      continue;
    }
    const found = studiesIn(json);
    if (!found.ok) {
      process.stderr.write(`classify: ${file}: ${found.error}\n`);
      failed++;
      continue;
    }
    for (const raw of found.studies) process.stdout.write(`${toLine(classifyStudy(raw, { asOf: asOfFor(raw, now) }))}\n`);
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
