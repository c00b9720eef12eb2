import { andCount, type Bits, hasBit, newBits } from "./index-bits";
import { FACETS, type FacetName, type Facets } from "./sql";

// Facet counts of the in-memory index (decision 015, "counting by signature"). Trials that share
// every facet value (their therapy, source, route, phase and country lists, donor bucket(s), status
// and results flag) share one signature; at 100,000 trials there are a few hundred to a few thousand.
// A count walks the members of the mask once, tallying signatures, then adds each touched signature's
// tally to its values: |mask| steps instead of one AND-and-count of the whole bitset per value (~70
// values × 3,125 words at 100,000 trials, ~1 ms). A mask holding more than half the live trials is
// counted through its complement (live count − the complement's count), so no count walks more
// than half the live trials. A facet counted over its own mask (a facet with a filter) with few
// values is counted with one AND-and-count per bitset instead when that is fewer steps (a mask of
// 40,000 trials for 8 statuses: 8 × 3,125 words rather than 40,000 members).
//
// Every facet filter is a function of the values a signature fixes, so one member tells whether
// the whole signature passes. countBySignature() goes over the signatures once (a few hundred to a
// few thousand steps): a signature that passes every filter counts in every facet, one that fails
// exactly one filter counts in that facet only (each facet is counted with the other filters
// applied), any other counts nowhere. Each filter is projected once onto the signatures (a bitset
// of a few hundred words, kept while the filter's bitset lives), so which signatures pass all
// filters or fail exactly one is a few ANDs per 32 signatures, and only those are visited (testing
// each signature's member against every filter had been 40% of the count). A search with only facet filters needs no walk at all (each
// signature weighs its live members); one with words, a place, state/city or excluded trials walks
// that base set once to weigh the signatures by their members in it, instead of one walk per facet.

const NF = FACETS.length;
const FACET_NO = Object.fromEntries(FACETS.map((f, i) => [f, i])) as Record<FacetName, number>;

/** What one signature counts under, per facet (already mapped: "mixed" → both donors, raw status → slug, results → "posted"). */
export type SignatureValues = Record<FacetName, readonly string[]>;

export class FacetCounterBuilder {
  private readonly ids = new Map<string, number>();
  private readonly values: SignatureValues[] = [];
  private readonly slotIds = FACETS.map(() => new Map<string, number>());
  /** One member of each signature (the first added). */
  private readonly rep: number[] = [];
  readonly signatureOf: Uint32Array;

  constructor(n: number) {
    this.signatureOf = new Uint32Array(n);
  }

  /** Trial i has the signature `key` (equal keys: equal values); `values` is asked once per new key. */
  add(i: number, key: string, values: () => SignatureValues) {
    let k = this.ids.get(key);
    if (k === undefined) {
      k = this.values.length;
      this.ids.set(key, k);
      const v = values();
      FACETS.forEach((f, fi) => {
        for (const x of v[f]) if (!this.slotIds[fi]!.has(x)) this.slotIds[fi]!.set(x, this.slotIds[fi]!.size);
      });
      this.values.push(v);
      this.rep.push(i);
    }
    this.signatureOf[i] = k;
  }

  /** `bitsOf(facet, value)`: bitsets, disjoint, whose members together are the trials counted under that value. */
  finish(live: Bits, bitsOf: (facet: FacetName, value: string) => Bits[]): FacetCounter {
    // Slots: every (facet, value) pair, numbered facet after facet, values in first-seen order.
    const slotNames: string[] = [];
    const facetSlots: number[][] = [];
    const base: number[] = [];
    FACETS.forEach((_, fi) => {
      base.push(slotNames.length);
      const names = [...this.slotIds[fi]!.keys()];
      facetSlots.push(names.map((_, j) => slotNames.length + j));
      slotNames.push(...names);
    });
    const start = new Uint32Array(this.values.length * NF + 1);
    const flat: number[] = [];
    this.values.forEach((v, k) =>
      FACETS.forEach((f, fi) => {
        start[k * NF + fi] = flat.length;
        for (const x of v[f]) flat.push(base[fi]! + this.slotIds[fi]!.get(x)!);
      }),
    );
    start[this.values.length * NF] = flat.length;
    const slotBits = facetSlots.map((list, fi) => list.map((s) => bitsOf(FACETS[fi]!, slotNames[s]!)));
    return new FacetCounter(this.signatureOf, live, Int32Array.from(flat), start, slotNames, facetSlots, slotBits, Int32Array.from(this.rep));
  }
}

export class FacetCounter {
  private readonly liveCount: Int32Array;
  private readonly liveTotal: number;
  private readonly acc: Int32Array;
  private readonly hist: Int32Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly signatureOf: Uint32Array,
    private readonly live: Bits,
    private readonly slots: Int32Array,
    private readonly start: Uint32Array,
    private readonly slotNames: string[],
    private readonly facetSlots: number[][],
    /** Per facet, per slot (facetSlots' order), the bitsets to AND-and-count. */
    private readonly slotBits: Bits[][][],
    /** One member of each signature: the filters it passes are its signature's. */
    private readonly rep: Int32Array,
  ) {
    const signatures = (start.length - 1) / NF;
    this.hist = new Int32Array(signatures);
    this.touched = new Int32Array(signatures);
    this.acc = new Int32Array(slotNames.length);
    this.liveTotal = this.tally(live, false, [...FACETS.keys()]);
    this.liveCount = this.acc.slice();
    this.acc.fill(0);
    // Live members per signature (the signatures with none are skipped by countBySignature).
    this.sigLive = new Int32Array(signatures);
    for (let w = 0; w < live.length; w++) {
      let x = live[w]!;
      while (x) {
        const b = x & -x;
        x ^= b;
        this.sigLive[signatureOf[(w << 5) + 31 - Math.clz32(b)]!]!++;
      }
    }
    this.liveSignatures = Int32Array.from([...this.sigLive.keys()].filter((k) => this.sigLive[k]! > 0));
    this.weight = new Int32Array(signatures);
    this.sigWords = (signatures + 31) >>> 5;
    this.liveSigBits = newBits(signatures);
    for (const k of this.liveSignatures) this.liveSigBits[k >>> 5]! |= 1 << (k & 31);
    this.presentScratch = newBits(signatures);
  }

  private readonly sigWords: number;
  /** The signatures with live members; scratch for a base's (cleared word by word as it is read). */
  private readonly liveSigBits: Bits;
  private readonly presentScratch: Bits;
  private readonly projections = new WeakMap<Bits, Bits>();

  private readonly sigLive: Int32Array;
  private readonly liveSignatures: Int32Array;
  /** Scratch: members of a search's base per signature (countBySignature runs synchronously). */
  private readonly weight: Int32Array;

  /**
   * The facets of a search over `base` (live trials; null = all of them) with these facet filters
   * (null = none), each facet with the other filters applied, written into `out` as countInto writes
   * them; returns the total (the trials of `base` passing every filter). Every filter must be a
   * function of a trial's signature (not a country filter narrowed by state or city, which reads sites),
   * and a bitset once passed as a filter must never be written again (its projection is kept, see projection()).
   * `base` (the words, the place, state/city, excluded trials) is walked once into a signature
   * histogram, through its complement when it holds more than half the live trials.
   */
  countBySignature(out: Facets, filter: Record<FacetName, Bits | null>, base: Bits | null = null, baseSize = 0): number {
    const { acc, slots, start, sigLive, sigWords } = this;
    // (Projected first: nothing that allocates runs while the base's scratch bitset is being filled.)
    // Each filter as the set of signatures passing it, 32 signatures a word: per word, the
    // signatures passing every filter and those failing exactly one are found with a few ANDs, and
    // only they are visited.
    const filtered: number[] = [];
    const pass: Bits[] = [];
    FACETS.forEach((name, f) => {
      const b = filter[name];
      if (b) {
        filtered.push(f);
        pass.push(this.projection(b));
      }
    });
    const nf = pass.length;
    const word = new Int32Array(nf);
    const sizeExcept = new Int32Array(NF);
    // Which signatures have members (and how many): every live one, or those of the base.
    let weight = sigLive;
    let present = this.liveSigBits;
    let touchedCount = 0;
    if (base) {
      const { hist, touched } = this;
      const complement = baseSize * 2 > this.liveTotal;
      touchedCount = this.histogram(base, complement).touched;
      weight = this.weight;
      if (complement) {
        // base = live minus what was walked: every live signature, less its walked members.
        const live = this.liveSignatures;
        for (let j = 0; j < live.length; j++) weight[live[j]!] = sigLive[live[j]!]!;
        for (let j = 0; j < touchedCount; j++) weight[touched[j]!]! -= hist[touched[j]!]!;
      } else {
        present = this.presentScratch;
        for (let j = 0; j < touchedCount; j++) {
          const k = touched[j]!;
          weight[k] = hist[k]!;
          present[k >>> 5]! |= 1 << (k & 31);
        }
      }
      for (let j = 0; j < touchedCount; j++) hist[touched[j]!] = 0;
    }
    let total = 0;
    for (let w = 0; w < sigWords; w++) {
      const has = present[w]!;
      if (has === 0) continue;
      let all = has;
      for (let x = 0; x < nf; x++) all &= word[x] = pass[x]![w]!;
      for (let bits = all; bits; ) {
        const b = bits & -bits;
        bits ^= b;
        const k = (w << 5) + 31 - Math.clz32(b);
        const h = weight[k]!;
        total += h;
        for (let s = start[k * NF]!, end = start[k * NF + NF]!; s < end; s++) acc[slots[s]!]! += h;
      }
      for (let x = 0; x < nf; x++) {
        // Failing filter x, passing every other.
        let one = has & ~word[x]!;
        for (let y = 0; y < nf && one; y++) if (y !== x) one &= word[y]!;
        const f = filtered[x]!;
        for (let bits = one; bits; ) {
          const b = bits & -bits;
          bits ^= b;
          const k = (w << 5) + 31 - Math.clz32(b);
          const h = weight[k]!;
          sizeExcept[f]! += h;
          for (let s = start[k * NF + f]!, end = start[k * NF + f + 1]!; s < end; s++) acc[slots[s]!]! += h;
        }
      }
      if (present !== this.liveSigBits) present[w] = 0;
    }
    for (let f = 0; f < NF; f++) {
      const name = FACETS[f]!;
      // A facet without a filter is counted over the trials passing every filter; one with a filter,
      // over those passing every other filter (passing all, or failing only its own).
      const size = total + (filter[name] ? sizeExcept[f]! : 0);
      if (name === "donor" && size) out.donor.any = size;
      for (const s of this.facetSlots[f]!) {
        const c = acc[s]!;
        acc[s] = 0;
        if (c) out[name][this.slotNames[s]!] = c;
      }
      if (name === "results") out.results.posted ??= 0;
    }
    return total;
  }

  /**
   * The signatures whose members are in `filter` (one member tells for its whole signature), kept
   * while that bitset lives: the index's filter bitsets are built once and never written (its
   * cached unions, a country's, the results'), so a filter repeated across searches is projected once.
   */
  private projection(filter: Bits): Bits {
    let p = this.projections.get(filter);
    if (!p) {
      p = newBits(this.rep.length);
      for (let k = 0; k < this.rep.length; k++) if (hasBit(filter, this.rep[k]!)) p[k >>> 5]! |= 1 << (k & 31);
      this.projections.set(filter, p);
    }
    return p;
  }

  /**
   * Counts the members of `mask` (or of live ∖ mask) by signature into `hist`; the signatures met are
   * touched[0 .. returned touched). The caller reads and clears hist for those.
   */
  private histogram(mask: Bits, complement: boolean): { touched: number; walked: number } {
    const { signatureOf, hist, touched, live } = this;
    let t = 0;
    let walked = 0;
    for (let w = 0; w < mask.length; w++) {
      let x = complement ? live[w]! & ~mask[w]! : mask[w]!;
      while (x) {
        const b = x & -x;
        x ^= b;
        const k = signatureOf[(w << 5) + 31 - Math.clz32(b)]!;
        if (hist[k] === 0) touched[t++] = k;
        hist[k]!++;
        walked++;
      }
    }
    return { touched: t, walked };
  }

  /** Signature count of the members of `mask` (or of live ∖ mask), added to acc for the given facets; returns the members walked. */
  private tally(mask: Bits, complement: boolean, fs: readonly number[]): number {
    const { hist, touched, acc, slots, start } = this;
    const { touched: t, walked } = this.histogram(mask, complement);
    for (let j = 0; j < t; j++) {
      const k = touched[j]!;
      const h = hist[k]!;
      hist[k] = 0;
      for (const f of fs) for (let s = start[k * NF + f]!, end = start[k * NF + f + 1]!; s < end; s++) acc[slots[s]!]! += h;
    }
    return walked;
  }

  /**
   * Writes into `out` the counts of `names` over `mask`, which holds `size` live trials: zero counts
   * left out, except results.posted (always a number, as the SQL's count row gives); donor.any is the mask's size.
   */
  countInto(out: Facets, mask: Bits, size: number, names: readonly FacetName[]) {
    const fs = names.map((n) => FACET_NO[n]);
    const walk = Math.min(size, this.liveTotal - size);
    if (fs.length === 1 && this.slotBits[fs[0]!]!.reduce((sum, list) => sum + list.length, 0) * mask.length < walk) return this.countBits(out, mask, size, fs[0]!);
    const complement = size * 2 > this.liveTotal;
    if (size > 0) this.tally(mask, complement, fs);
    for (const f of fs) {
      const name = FACETS[f]!;
      if (name === "donor" && size) out.donor.any = size;
      for (const s of this.facetSlots[f]!) {
        const c = complement ? this.liveCount[s]! - this.acc[s]! : this.acc[s]!;
        this.acc[s] = 0;
        if (c) out[name][this.slotNames[s]!] = c;
      }
      if (name === "results") out.results.posted ??= 0;
    }
  }

  private countBits(out: Facets, mask: Bits, size: number, f: number) {
    const name = FACETS[f]!;
    if (name === "donor" && size) out.donor.any = size;
    this.facetSlots[f]!.forEach((s, j) => {
      let c = 0;
      for (const b of this.slotBits[f]![j]!) c += andCount(mask, b);
      if (c) out[name][this.slotNames[s]!] = c;
    });
    if (name === "results") out.results.posted ??= 0;
  }
}
