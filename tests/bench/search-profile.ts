/**
 * Where an uncached search's CPU goes, in-process (issue 15): `node --import ./tests/bench/server-only-hook.mjs --import tsx
 * tests/bench/search-profile.ts [-- --n 100000 --rounds 20 --db <url> --keep --cpu-prof <file>]`.
 *
 * A database grown as `npm run bench:search` grows it (or an existing one: --db <url>; --keep leaves
 * a new one in place, named sf_profile_<n>, and prints its URL). The server's own path without Next:
 * prepareSearch → runSearchJson with SEARCH_CACHE=off (index built first), over the bench's mix,
 * with per-stage CPU (parse, index filters, masks and facet counts, page order, cards, JSON) summed
 * by wrapping the index's methods, plus this process's CPU per request. --cpu-prof writes a V8 CPU
 * profile of the measured rounds.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import pg from "pg";
import { createPrisma } from "../../lib/db/client";
import { SearchIndex } from "../../lib/search/index-core";
import { rebuildIndex } from "../../lib/search/index-run";
import { prepareSearch, runSearchJson } from "../../lib/search/run";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { standinClient, syncOnce } from "../integration/helpers/sync";
import { positiveArg } from "./args";
import { growToSynthetic } from "./search-data";
import { SEARCH_MIX } from "./search-mix";
import { r1 } from "./stats";

process.env.SEARCH_CACHE = "off";
const N = positiveArg("--n", 100_000, { whole: true });
const ROUNDS = positiveArg("--rounds", 20, { whole: true });
const argOf = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const cpuProf = argOf("--cpu-prof");

async function database(): Promise<string> {
  const given = argOf("--db");
  if (given) return given;
  const db = await createTestDatabase();
  const standin = await startStandin({ port: 0 });
  const outcome = await syncOnce(db.prisma, standinClient(standin.url), "full", 500);
  await standin.close();
  if (outcome.status !== "succeeded") throw new Error(`seed sync failed: ${outcome.error}`);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await growToSynthetic(client, N);
  await client.end();
  if (!process.argv.includes("--keep")) return db.url;
  // A copy under a name the test helpers' sweep of old dtf_test_* databases leaves alone.
  await db.prisma.$disconnect();
  const name = `sf_profile_${N}`;
  const admin = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${new URL(db.url).pathname.slice(1)}`);
  await admin.end();
  await db.drop();
  const url = new URL(db.url);
  url.pathname = `/${name}`;
  console.log(`kept: ${url}`);
  return url.toString();
}

/** Sums the wall time (ms) of a method's calls, minus the time of wrapped methods it calls (exclusive). */
const spent = new Map<string, number>();
let stack: number[] = [];
function wrap(proto: object, name: string) {
  const p = proto as Record<string, (...a: unknown[]) => unknown>;
  const orig = p[name]!;
  p[name] = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    stack.push(0);
    try {
      return orig.apply(this, args);
    } finally {
      const inner = stack.pop()!;
      const total = performance.now() - t0;
      spent.set(name, (spent.get(name) ?? 0) + total - inner);
      if (stack.length) stack[stack.length - 1]! += total;
    }
  };
}

async function main() {
  const url = await database();
  const prisma = createPrisma(url);
  const t0 = performance.now();
  const b0 = process.cpuUsage();
  await rebuildIndex(prisma);
  const b = process.cpuUsage(b0);
  console.log(`index built in ${Math.round(performance.now() - t0)} ms (this process's CPU ${Math.round((b.user + b.system) / 1000)} ms)`);
  const timed = !process.argv.includes("--no-stages");
  if (timed) for (const m of ["search", "filters", "mask", "page", "summary", "near", "siteMatch"]) wrap(SearchIndex.prototype, m);
  const ask = async (qs: string) => {
    const t = performance.now();
    stack = [0];
    const prepared = prepareSearch(new URLSearchParams(qs));
    spent.set("parse", (spent.get("parse") ?? 0) + performance.now() - t);
    const s = performance.now();
    const orig = JSON.stringify;
    let json = 0;
    JSON.stringify = ((...a: Parameters<typeof JSON.stringify>) => {
      const j0 = performance.now();
      const out = orig(...a);
      json += performance.now() - j0;
      return out;
    }) as typeof JSON.stringify;
    try {
      await runSearchJson(prisma, prepared);
    } finally {
      JSON.stringify = orig;
    }
    spent.set("json", (spent.get("json") ?? 0) + json);
    spent.set("request", (spent.get("request") ?? 0) + performance.now() - s);
  };
  // Warm up: JIT, the text matches (one statement per version and q), the places.
  for (let r = 0; r < 3; r++) for (const qs of SEARCH_MIX) await ask(qs);
  spent.clear();
  const perQs = new Map<string, number[]>();
  /** Per query, per stage: each round's time. */
  const stages = new Map<string, Map<string, number[]>>();
  const session = cpuProf ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (let r = 0; r < ROUNDS; r++)
    for (const qs of SEARCH_MIX) {
      const u = process.cpuUsage();
      spent.clear();
      await ask(qs);
      const d = process.cpuUsage(u);
      const byStage = stages.get(qs) ?? stages.set(qs, new Map()).get(qs)!;
      for (const [k, v] of spent) byStage.set(k, [...(byStage.get(k) ?? []), v]);
      perQs.set(qs, [...(perQs.get(qs) ?? []), (d.user + d.system) / 1000]);
    }
  const c = process.cpuUsage(c0);
  const wall = performance.now() - w0;
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(cpuProf!, JSON.stringify(profile));
    session.disconnect();
  }
  const n = ROUNDS * SEARCH_MIX.length;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${n} requests: CPU ${r1((c.user + c.system) / 1000 / n)} ms per request (wall ${r1(wall / n)} ms)`);
  if (timed) {
    // Per stage: the mean over the mix of each query's median (rounds that lost the core to another process drop out).
    const per = new Map<string, number>();
    for (const byStage of stages.values()) for (const [k, xs] of byStage) per.set(k, (per.get(k) ?? 0) + median(xs) / stages.size);
    console.log("per request, exclusive wall ms (the index's methods wrapped; mean over the mix of each query's median):");
    for (const [k, v] of [...per].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(10)} ${v.toFixed(3)}`);
    console.log("  (search = its own part: the facet counts and the rest)");
  }
  // Medians per query: the machine is shared, and a round that lost its core to another process inflates the mean.
  const rows = [...perQs].map(([qs, xs]) => [qs, median(xs), Math.max(...xs)] as const).sort((a, b) => b[1] - a[1]);
  console.log("CPU ms per request by query (median of the rounds, max):");
  for (const [qs, med, max] of rows) console.log(`  ${(qs || "(defaults)").padEnd(62)} ${med.toFixed(3)} ${max.toFixed(3)}`);
  const meds = rows.map((r) => r[1]);
  console.log(`CPU per request, mean of the queries' medians: ${(meds.reduce((a, b) => a + b, 0) / meds.length).toFixed(3)} ms; slowest query ${meds[0]!.toFixed(3)} ms; load average ${os.loadavg().map(r1).join(", ")}`);
  await prisma.$disconnect();
  process.exit(0);
}

await main();
