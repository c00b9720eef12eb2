import { mulberry32 } from "../../../lib/prng";

/** Seeded picks for test inputs (the fuzzer's queries, the crash loop's kill points). */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!, chance: (p: number) => next() < p };
}
