import type { SyncProgress } from "./run";

/** One line describing a run's progress, for terminals and logs alike. */
export function describeProgress(p: SyncProgress): string {
  const pages = p.pagesExpected ? `${p.pagesDone}/${p.pagesExpected} pages` : `${p.pagesDone} pages`;
  const c = p.counts;
  return `${pages} · ${c.fetched} fetched · ${c.inserted} new · ${c.updated} updated · ${c.unchanged} unchanged · ${c.invalid} invalid`;
}

export function progressBar(p: SyncProgress, width = 24): string {
  const ratio = p.pagesExpected ? Math.min(1, p.pagesDone / p.pagesExpected) : 0;
  const filled = Math.round(ratio * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(ratio * 100)
    .toString()
    .padStart(3)}% ${describeProgress(p)}`;
}

export function describeSummary(p: SyncProgress, seconds: number): string {
  const c = p.counts;
  return `fetched ${c.fetched}, inserted ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}, restored ${c.restored}, removed ${c.removed}, invalid ${c.invalid} in ${seconds.toFixed(1)} s`;
}
