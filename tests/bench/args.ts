/**
 * A positive number given as `flag <value>` on a bench's command line, or `fallback` when the flag is
 * absent; with `whole`, a positive whole number. Anything else stops the bench with exit code 2 and
 * a line naming the flag.
 */
export function positiveArg(flag: string, fallback: number, opts: { whole?: boolean } = {}): number {
  const i = process.argv.indexOf(flag);
  const v = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(opts.whole ? Number.isInteger(v) : Number.isFinite(v)) || v <= 0) {
    console.error(`${flag} must be a positive ${opts.whole ? "whole " : ""}number`);
    process.exit(2);
  }
  return v;
}
