/**
 * Pathological strings for the text readers (issue 19, class 1). Each is built to make a regular
 * expression with ambiguous quantifiers backtrack: a prefix that a pattern starts to match, a long run
 * of characters two of its quantifiers could share, then a character that makes the match fail. The
 * generator is deterministic (seeded), so a failure names a case that can be run again.
 */
export type HostileText = { name: string; text: string };

const RUN = 20_000;

/** Prefixes that the readers' patterns begin to match. */
const PREFIXES = [
  "Inclusion Criteria",
  "Exclusion Criteria:",
  "**Key Inclusion Criteria",
  "### Eligibility criteria",
  "Patients who have previously received",
  "within 3 months prior to",
  "mesenchymal stem cells can be",
  "- ",
  "1. ",
  "Age 18",
  "18 Years",
  "NCT",
  "",
];
/** Runs that two neighbouring quantifiers (\s*, \**, [^.]*, \w*, .*) could split many ways. */
const RUNS = [" ", "\t", " \t", "*", "**  ", ":", " :", "#", "\\", "\\*", "a", "a ", "1.", "- ", "(", ")", ".", "-", "　", "\u00a0", "x\n", "stem cell ", "\\-"];
const TAILS = ["!", "x", "\u0000", "*x", ":x", "é", ""];

export function hostileTexts(opts: { run?: number } = {}): HostileText[] {
  const run = opts.run ?? RUN;
  const out: HostileText[] = [];
  for (const prefix of PREFIXES) {
    for (const r of RUNS) {
      const tail = TAILS[(prefix.length + r.length) % TAILS.length]!;
      out.push({ name: `${JSON.stringify(prefix)} + ${JSON.stringify(r)}×${Math.ceil(run / r.length)} + ${JSON.stringify(tail)}`, text: prefix + r.repeat(Math.ceil(run / r.length)) + tail });
    }
  }
  // Random soup of the pieces the patterns look for, seeded.
  const pieces = ["criteria", "inclusion", " ", "  ", "*", ":", "-", "1.", "\n", "\n  ", ".", "(", "stem", "cells", "msc", "disc", "injection", "previously", "received", "within", "months", "years", "\\", "#", "\t", "age", "≥", "＝", "not", "no", ";"];
  let seed = 19;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 20; i++) {
    let s = "";
    while (s.length < run) s += pieces[Math.floor(rnd() * pieces.length)]!;
    out.push({ name: `soup #${i}`, text: s });
  }
  // Number-like runs, twice as long: dose patterns ("5 x 10^6 cells") start at every digit.
  for (const r of ["1.", "1", "1,", "1 x 10"]) out.push({ name: `"cells " + ${JSON.stringify(r)}×${2 * run}`, text: "cells " + r.repeat(2 * run) });
  // One very long line with no break at all, and many short lines.
  out.push({ name: "one 200k-character word", text: "a".repeat(200_000) });
  out.push({ name: "50k blank-ish lines", text: " \n".repeat(50_000) + "x" });
  return out;
}
