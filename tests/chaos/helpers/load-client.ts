import { percentile, r1 } from "../../bench/stats";

/**
 * A closed-loop load generator: each of N clients sends a request, waits for the whole answer, and
 * sends the next, for a set time. Every request's start, latency and status is kept, so the figures
 * of any time window (e.g. only while a sync ran) can be taken afterwards.
 */

export type Sample = { start: number; ms: number; status: number | "network-error"; path: string; detail?: string };

export async function closedLoop(base: string, opts: { clients: number; durationMs: number; paths: string[]; timeoutMs?: number }): Promise<Sample[]> {
  const { clients, durationMs, paths, timeoutMs = 30_000 } = opts;
  const samples: Sample[] = [];
  const end = performance.now() + durationMs;
  let next = 0;
  const client = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length]!;
      const start = performance.now();
      try {
        const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
        const body = await res.text();
        samples.push({ start, ms: performance.now() - start, status: res.status, path, ...(res.ok ? {} : { detail: body.slice(0, 200) }) });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        samples.push({ start, ms: performance.now() - start, status: "network-error", path, detail: `${e.name}: ${e.cause?.code ?? e.message}` });
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return samples;
}

export type LoadFigures = { requests: number; errors: number; p50: number; p95: number; p99: number; max: number; rps: number };


/** Figures of the requests that started within [from, to] (performance.now() times). */
export function figures(samples: Sample[], from = -Infinity, to = Infinity): LoadFigures {
  const inWindow = samples.filter((s) => s.start >= from && s.start <= to);
  const ms = inWindow.map((s) => s.ms).sort((a, b) => a - b);
  const first = Math.max(from, Math.min(...inWindow.map((s) => s.start)));
  const last = Math.min(to, Math.max(...inWindow.map((s) => s.start + s.ms)));
  return {
    requests: inWindow.length,
    errors: inWindow.filter((s) => s.status !== 200).length,
    p50: r1(percentile(ms, 50)),
    p95: r1(percentile(ms, 95)),
    p99: r1(percentile(ms, 99)),
    max: r1(ms.at(-1) ?? NaN),
    rps: inWindow.length ? r1(inWindow.length / ((last - first) / 1000)) : 0,
  };
}

/** p95 per path within [from, to], slowest first: which searches a slowdown comes from. */
export function slowestPaths(samples: Sample[], from = -Infinity, to = Infinity, top = 6): { path: string; requests: number; p50: number; p95: number }[] {
  const byPath = new Map<string, number[]>();
  for (const s of samples) if (s.start >= from && s.start <= to) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s.ms]);
  return [...byPath]
    .map(([path, ms]) => {
      ms.sort((a, b) => a - b);
      return { path, requests: ms.length, p50: r1(percentile(ms, 50)), p95: r1(percentile(ms, 95)) };
    })
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, top);
}

export const describeFigures = (f: LoadFigures) => `${f.requests} requests, ${f.errors} errors, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, max ${f.max} ms, ${f.rps} req/s`;
