// Trial ids → dense numbers for the in-memory index (issue 15). Every ClinicalTrials.gov id is "NCT"
// and eight digits, so it is also a number below 10^8, and the order of those numbers is the ids'
// order. Sorting 100,000 ids and finding 270,000 sites' trials by hashing strings was a fifth of a
// build; as numbers, the sort is a typed-array sort and a lookup is a binary search (sites arrive
// grouped by trial, so most lookups are the previous one again). Any other id (tests may use them)
// makes the whole set use a Map, as before.

const SHIFT = 2 ** 26;

/** The number of an "NCT" + eight digits id, or -1 for any other string. */
export function nctKey(id: string): number {
  if (id.length !== 11 || id.charCodeAt(0) !== 78 || id.charCodeAt(1) !== 67 || id.charCodeAt(2) !== 84) return -1;
  let k = 0;
  for (let j = 3; j < 11; j++) {
    const d = id.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    k = k * 10 + d;
  }
  return k;
}

/** `rows` in nct id order (the same array when already in it). */
export function sortById<T extends { nct_id: string }>(rows: T[]): T[] {
  const n = rows.length;
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = rows[i - 1]!.nct_id <= rows[i]!.nct_id;
  if (ordered) return rows;
  if (n < SHIFT) {
    // Key and row in one float (key < 2^27, row < 2^26: exact below 2^53), sorted natively.
    const packed = new Float64Array(n);
    let numeric = true;
    for (let i = 0; i < n && numeric; i++) {
      const k = nctKey(rows[i]!.nct_id);
      if (k < 0) numeric = false;
      else packed[i] = k * SHIFT + i;
    }
    if (numeric) {
      packed.sort();
      const out: T[] = [];
      for (let j = 0; j < n; j++) out.push(rows[packed[j]! % SHIFT]!);
      return out;
    }
  }
  return [...rows].sort((x, y) => (x.nct_id < y.nct_id ? -1 : x.nct_id > y.nct_id ? 1 : 0));
}

/** Dense number of each id of a list in nct id order. */
export class IdNumbers {
  private readonly keys: Uint32Array | null;
  private readonly map: Map<string, number> | null;
  private lastKey = -1;
  private lastNum = -1;

  /** `ids` must be in nct id order, without repeats. */
  constructor(ids: readonly string[]) {
    const keys = new Uint32Array(ids.length);
    let numeric = true;
    for (let i = 0; i < ids.length && numeric; i++) {
      const k = nctKey(ids[i]!);
      if (k < 0) numeric = false;
      else keys[i] = k;
    }
    this.keys = numeric ? keys : null;
    this.map = numeric ? null : new Map(ids.map((id, i) => [id, i]));
  }

  /** The id's dense number, or undefined when it is not in the list. */
  of(id: string): number | undefined {
    if (this.map) return this.map.get(id);
    const k = nctKey(id);
    if (k < 0) return undefined;
    if (k === this.lastKey) return this.lastNum;
    const keys = this.keys!;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    if (lo === keys.length || keys[lo] !== k) return undefined;
    this.lastKey = k;
    this.lastNum = lo;
    return lo;
  }

  /** Rough bytes held (the keys; a Map entry counted at 40 bytes). */
  bytes(): number {
    return this.keys ? this.keys.byteLength : (this.map?.size ?? 0) * 40;
  }
}
