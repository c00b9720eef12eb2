/**
 * Which labelled files are development and which is validation, shared by `eval:classify` and
 * `eval:eligibility` (docs/decisions/014 and 022): the fixed looked-at files, then every
 * `fresh-N.jsonl` but the newest, in order of N; the newest fresh file (highest N) is the validation
 * set, only ever measured — unless its N is at most `measuredThrough` (fresh files whose figures have
 * already been seen), when it joins development too and there is no validation until the next fresh
 * file arrives. Other names are ignored.
 */
export function splitFiles(names: readonly string[], fixed: readonly string[], measuredThrough = 0): { development: string[]; validation: string | null } {
  const fresh = names
    .map((name) => ({ name, n: Number(/^fresh-([1-9]\d*)\.jsonl$/.exec(name)?.[1]) }))
    .filter((x) => Number.isInteger(x.n))
    .sort((a, b) => a.n - b.n);
  const newest = fresh[fresh.length - 1];
  if (newest === undefined || newest.n <= measuredThrough) return { development: [...fixed, ...fresh.map((x) => x.name)], validation: null };
  return { development: [...fixed, ...fresh.slice(0, -1).map((x) => x.name)], validation: newest.name };
}
