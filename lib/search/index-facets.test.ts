import { describe, expect, it } from "vitest";
import { mulberry32 } from "../prng";
import { type Bits, hasBit, newBits, setBit } from "./index-bits";
import { FacetCounterBuilder, type SignatureValues } from "./index-facets";
import { emptyFacets, FACETS, type FacetName } from "./sql";

// The three ways FacetCounter counts (walking a small mask's members, walking a large mask's
// complement, AND-and-count per value for one facet over a large mask) against counting each trial
// by hand, over random trials and masks of every density.

const VALUES: Record<FacetName, string[]> = {
  therapy: ["a", "b", "c"],
  donor: ["autologous", "allogeneic", "other"],
  phase: ["1", "2", "3"],
  source: ["x", "y"],
  route: ["r", "s", "t", "u"],
  status: ["recruiting", "completed", "unknown"],
  country: ["US", "ES", "CN", "DE", "KR"],
  results: ["posted"],
};

function randomTrials(seed: number, n: number) {
  const rnd = mulberry32(seed);
  // Few distinct signatures (as real data has), so trials share them; more than 64, so signature
  // bitsets span several words.
  const kinds: SignatureValues[] = Array.from({ length: 70 }, () => {
    const some = (xs: string[]) => xs.filter(() => rnd() < 0.4);
    return {
      therapy: some(VALUES.therapy),
      donor: rnd() < 0.2 ? ["autologous", "allogeneic"] : some(VALUES.donor).slice(0, 1),
      phase: some(VALUES.phase),
      source: some(VALUES.source),
      route: some(VALUES.route),
      status: [VALUES.status[Math.floor(rnd() * 3)]!],
      country: some(VALUES.country),
      results: rnd() < 0.3 ? ["posted"] : [],
    };
  });
  const kindOf = Array.from({ length: n }, () => Math.floor(rnd() * kinds.length));
  const live = newBits(n);
  for (let i = 0; i < n; i++) if (rnd() < 0.9) setBit(live, i);
  const builder = new FacetCounterBuilder(n);
  kindOf.forEach((k, i) => builder.add(i, String(k), () => kinds[k]!));
  const bitsOf = (facet: FacetName, v: string): Bits[] => {
    const b = newBits(n);
    kindOf.forEach((k, i) => kinds[k]![facet].includes(v) && setBit(b, i));
    return [b];
  };
  return { rnd, kinds, kindOf, live, counter: builder.finish(live, bitsOf), bitsOf };
}

describe("FacetCounter", () => {
  it("counts by signature as a per-trial tally does, each facet with the other filters applied, over every live trial or a base set", () => {
    const n = 3000;
    const { rnd, kinds, kindOf, live, counter, bitsOf } = randomTrials(5, n);
    let seenTotals = 0;
    const bases = new Set<string>();
    const unions = new Map<string, Bits>();
    let reused = 0;
    for (let round = 0; round < 600; round++) {
      // Half the rounds over every live trial (facet filters only), half over a random base of live
      // trials (what words, a place or excluded trials leave), sparse or dense (walked through its complement).
      const density = round % 2 === 0 ? null : [0, 0.02, 0.2, 0.45, 0.55, 0.8, 0.99, 1][(round >> 1) % 8]!;
      let base: Bits | null = null;
      let baseSize = 0;
      if (density !== null) {
        base = newBits(n);
        for (let i = 0; i < n; i++)
          if (hasBit(live, i) && rnd() < density) {
            setBit(base, i);
            baseSize++;
          }
        bases.add(baseSize * 2 > 2700 ? "complement" : "members");
      }
      const inBase = (i: number) => hasBit(live, i) && (!base || hasBit(base, i));
      // A filter on 0–4 random facets, each the union of 1–2 random values (as anyOf builds them).
      const filter = Object.fromEntries(FACETS.map((f) => [f, null])) as Record<FacetName, Bits | null>;
      const chosen: Partial<Record<FacetName, string[]>> = {};
      for (const f of FACETS) {
        if (rnd() > 0.35) continue;
        const vals = VALUES[f].filter(() => rnd() < 0.5).slice(0, 2);
        if (!vals.length) vals.push(VALUES[f][0]!);
        chosen[f] = vals;
        // The same values give the same bitset object, as the index's cached unions do (the counter
        // keeps each filter's projection onto the signatures while its bitset lives).
        const key = `${f}:${vals.join(",")}`;
        let u = unions.get(key);
        if (!u) {
          u = newBits(n);
          for (const v of vals) bitsOf(f, v).forEach((b) => b.forEach((w, i) => (u![i]! |= w)));
          unions.set(key, u);
        } else reused++;
        filter[f] = u;
      }
      const passes = (i: number, except: FacetName | null) =>
        (Object.entries(chosen) as [FacetName, string[]][]).every(([f, vals]) => f === except || vals.some((v) => kinds[kindOf[i]!]![f].includes(v)));
      const want = emptyFacets();
      let total = 0;
      for (const f of FACETS) {
        let size = 0;
        for (let i = 0; i < n; i++) {
          if (!inBase(i) || !passes(i, chosen[f] ? f : null)) continue;
          size++;
          for (const v of kinds[kindOf[i]!]![f]) want[f][v] = (want[f][v] ?? 0) + 1;
        }
        if (f === "donor" && size) want.donor.any = size;
      }
      for (let i = 0; i < n; i++) if (inBase(i) && passes(i, null)) total++;
      want.results.posted ??= 0;
      const got = emptyFacets();
      expect(base ? counter.countBySignature(got, filter, base, baseSize) : counter.countBySignature(got, filter)).toBe(total);
      expect(got).toEqual(want);
      if (total > 0) seenTotals++;
    }
    // Both empty and non-empty results were checked, and bases walked both ways.
    expect(seenTotals).toBeGreaterThan(60);
    expect(seenTotals).toBeLessThan(600);
    expect(bases).toEqual(new Set(["complement", "members"]));
    expect(reused).toBeGreaterThan(100);
  });

  it("counts every facet as a per-trial tally does, whichever way it walks", () => {
    const n = 3000;
    const { rnd, kinds, kindOf, live, counter } = randomTrials(11, n);

    const walks = new Set<string>();
    for (const density of [0, 0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 1]) {
      for (let round = 0; round < 5; round++) {
        const mask = newBits(n);
        for (let i = 0; i < n; i++) if (hasBit(live, i) && rnd() < density) setBit(mask, i);
        let size = 0;
        for (let i = 0; i < n; i++) if (hasBit(mask, i)) size++;
        const want = emptyFacets();
        for (let i = 0; i < n; i++) {
          if (!hasBit(mask, i)) continue;
          for (const f of FACETS) for (const v of kinds[kindOf[i]!]![f]) want[f][v] = (want[f][v] ?? 0) + 1;
        }
        if (size) want.donor.any = size;
        want.results.posted ??= 0;
        // All facets over one mask (walks members or the complement), then each facet alone (may AND-and-count).
        const together = emptyFacets();
        counter.countInto(together, mask, size, FACETS);
        expect(together).toEqual(want);
        for (const f of FACETS) {
          const alone = emptyFacets();
          counter.countInto(alone, mask, size, [f]);
          expect(alone[f]).toEqual(want[f]);
        }
        walks.add(size * 2 > 2700 ? "complement" : "members");
      }
    }
    expect(walks).toEqual(new Set(["complement", "members"]));
  });
});
