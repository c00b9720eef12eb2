/** The p-th percentile (nearest rank) of ascending numbers; NaN for none. Shared by the benchmarks and the chaos figures. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** One decimal place, for printed figures. */
export const r1 = (x: number) => Math.round(x * 10) / 10;
