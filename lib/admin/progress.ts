/** A run's elapsed time and a rough estimate of what is left, from pages done against pages expected. */
export type RunTiming = { elapsedMs: number; estimatedRemainingMs: number | null };

export function runTiming(run: { status: string; startedAt: Date; finishedAt: Date | null; pagesDone: number; pagesExpected: number | null }, now = Date.now()): RunTiming {
  const end = run.finishedAt?.getTime() ?? now;
  const elapsedMs = Math.max(0, end - run.startedAt.getTime());
  if (run.status !== "running") return { elapsedMs, estimatedRemainingMs: run.status === "succeeded" ? 0 : null };
  if (!run.pagesExpected || run.pagesDone === 0) return { elapsedMs, estimatedRemainingMs: null };
  const left = Math.max(0, run.pagesExpected - run.pagesDone);
  return { elapsedMs, estimatedRemainingMs: Math.round((elapsedMs / run.pagesDone) * left) };
}
