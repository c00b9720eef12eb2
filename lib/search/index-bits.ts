// Plain typed-array bitsets over the index's dense trial numbers (decision 0xx-search-index: at
// ≤ 100,000 trials one bitset is ≤ 12.5 KB and an AND-and-count is a few microseconds; no native
// addon to bundle into the Next server). Only what the index needs: build, AND, OR, count.

export type Bits = Uint32Array;

export const newBits = (n: number): Bits => new Uint32Array((n + 31) >>> 5);
export const setBit = (b: Bits, i: number) => {
  b[i >>> 5]! |= 1 << (i & 31);
};
export const hasBit = (b: Bits, i: number) => (b[i >>> 5]! & (1 << (i & 31))) !== 0;

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function count(a: Bits): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i]) n += popcount32(a[i]!);
  return n;
}

/** |a ∧ b| without allocating. */
export function andCount(a: Bits, b: Bits): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const w = a[i]! & b[i]!;
    if (w) n += popcount32(w);
  }
  return n;
}

/** a ∧= b */
export function andInto(a: Bits, b: Bits): Bits {
  for (let i = 0; i < a.length; i++) a[i]! &= b[i]!;
  return a;
}

/** a ∨= b */
export function orInto(a: Bits, b: Bits): Bits {
  for (let i = 0; i < a.length; i++) a[i]! |= b[i]!;
  return a;
}

/** The OR of several (an empty list gives the empty set). */
export function union(n: number, parts: (Bits | undefined)[]): Bits {
  const out = newBits(n);
  for (const p of parts) if (p) orInto(out, p);
  return out;
}

/** Calls fn for each member in increasing order. */
export function forEach(a: Bits, fn: (i: number) => void) {
  for (let w = 0; w < a.length; w++) {
    let x = a[w]!;
    while (x) {
      const t = x & -x;
      fn((w << 5) + 31 - Math.clz32(t));
      x ^= t;
    }
  }
}
