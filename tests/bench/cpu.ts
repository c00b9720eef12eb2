import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import type { WebApp } from "../chaos/helpers/web";

// CPU the benchmarks' web server and Postgres spend per request (Linux /proc): on a machine shared
// with other work, latency grows with everyone's load, CPU time per request much less.

/** CPU seconds (user + system) a process has used so far (Linux /proc; 0 once it is gone). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (CLK_TCK 100)
  } catch {
    return 0;
  }
}

/** The pids of a process and its descendants. */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

/**
 * CPU used by the Postgres backends serving the benchmark's database between the call and the
 * returned stop() (a backend that closed meanwhile is lost; pools keep theirs open).
 */
export async function postgresCpuMeter(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const backends = async () => (await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows.map((r) => r.pid);
  const before = new Map((await backends()).map((p) => [p, cpuSeconds(p)]));
  return async () => {
    const pids = await backends();
    await client.end();
    return pids.reduce((a, p) => a + cpuSeconds(p) - (before.get(p) ?? 0), 0);
  };
}

/**
 * CPU used by the web server (its process tree) and by the Postgres backends serving the benchmark's
 * database between start() and the returned stop(): a figure per request that the machine's other
 * load does not inflate the way it inflates latency.
 */
export async function cpuMeter(web: WebApp, url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const backends = async () => (await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows.map((r) => r.pid);
  const server = processTree(web.child.pid!);
  const sum = (pids: number[]) => pids.reduce((a, p) => a + cpuSeconds(p), 0);
  const before = { server: sum(server), pg: new Map((await backends()).map((p) => [p, cpuSeconds(p)])) };
  return async () => {
    const pids = await backends();
    await client.end();
    // Backends opened during the run count from 0; those that closed during it are lost (the pool keeps its connections under load).
    const pgSeconds = pids.reduce((a, p) => a + cpuSeconds(p) - (before.pg.get(p) ?? 0), 0);
    return { server: sum(server) - before.server, pg: pgSeconds };
  };
}
