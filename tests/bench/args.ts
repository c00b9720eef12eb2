/**
 * A positive number given as `flag <value>` on a bench's command line, or `fallback` when the flag is
 * absent; with `whole`, a positive whole number; with `zero`, 0 is allowed too. Anything else (a
 * missing value, a word, NaN) stops the bench with exit code 2 and a line naming the flag.
 */
export function positiveArg(flag: string, fallback: number, opts: { whole?: boolean; zero?: boolean } = {}): number {
  const i = process.argv.indexOf(flag);
  const given = i > 0 ? process.argv[i + 1] : undefined;
  const v = i > 0 ? (given === undefined || given.trim() === "" ? NaN : Number(given)) : fallback;
  if (!(opts.whole ? Number.isInteger(v) : Number.isFinite(v)) || v < 0 || (v === 0 && !opts.zero)) {
    console.error(`${flag} must be a ${opts.zero ? "non-negative" : "positive"} ${opts.whole ? "whole " : ""}number${given !== undefined ? `, got ${JSON.stringify(given)}` : ""}`);
    process.exit(2);
  }
  return v;
}
