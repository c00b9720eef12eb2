/**
 * The /api/fit part of `npm run bench:eligibility` (SPEC §9: 500 trials, p95 ≤ 50 ms), also runnable
 * alone: `node --conditions=react-server --import tsx tests/bench/fit.ts [-- --trials 2000 --requests 300]`.
 *
 * A fresh database filled by a real sync from the stand-in (the bundled records, rules read at sync),
 * grown with synthetic copies to `--trials`, then the POST /api/fit route handler itself, called
 * in-process with a JSON body of 500 random ids and a random profile per request: body parsing and
 * validation, the stamp query, the in-memory rules, the check and the JSON answer are all timed; the
 * HTTP server in front (Next's own routing, a few ms) is not. The first request (cold rules cache) is
 * reported apart. Last line: `bench:fit p95 <ms> ms for 500 trials`.
 *
 * Route handlers import "server-only": run under the react-server condition (runFitBench() spawns
 * that process for bench:eligibility).
 */
import { spawn } from "node:child_process";
import pg from "pg";
import { CtgovClient } from "../../lib/ctgov/service";
import { disconnectAll } from "../../lib/db/client";
import type { Profile } from "../../lib/eligibility/schema";
import { startSync } from "../../lib/sync/start";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { positiveArg } from "./args";
import { growToSynthetic } from "./search-data";
import { percentile, r1 } from "./stats";

export type FitBenchResult = {
  trials: number;
  requests: number;
  coldMs: number;
  p50: number;
  p95: number;
  max: number;
  /** This process's own CPU time per request (a busy machine stretches the wall clock, not this). */
  cpuP50: number;
  cpuP95: number;
  /** The parts of a request, timed apart over the same asks: the rules of 500 trials (stamp query, cache), the JSON body, its size. */
  rulesP50: number;
  bodyP50: number;
  bodyBytes: number;
};

/** A deterministic pseudo-random generator, so two runs ask the same questions. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomProfile(r: () => number): Profile {
  const p: Profile = {};
  const maybe = (f: () => void) => r() < 0.7 && f();
  maybe(() => (p.age = Math.round(18 + r() * 60)));
  maybe(() => (p.sex = r() < 0.5 ? "female" : "male"));
  maybe(() => (p.painArea = (["low-back", "neck", "both"] as const)[Math.floor(r() * 3)]!));
  maybe(() => (p.painMonths = Math.round(r() * 120)));
  maybe(() => (p.legPain = r() < 0.5));
  maybe(() => (p.conservativeMonths = Math.round(r() * 24)));
  maybe(() => (p.spineSurgery = r() < 0.3));
  maybe(() => (p.spineInjectionWeeksAgo = r() < 0.4 ? null : Math.round(r() * 100)));
  maybe(() => (p.bmi = Math.round(180 + r() * 200) / 10));
  maybe(() => (p.cancerYearsAgo = r() < 0.8 ? null : Math.round(r() * 20)));
  maybe(() => (p.diabetes = (["none", "controlled", "uncontrolled"] as const)[Math.floor(r() * 3)]!));
  maybe(() => (p.smoker = r() < 0.3));
  maybe(() => (p.opioids = r() < 0.3));
  maybe(() => (p.painfulLevels = 1 + Math.floor(r() * 3)));
  maybe(() => (p.imaging = r() < 0.8));
  return p;
}

export async function measureFit(opts: { trials: number; requests: number }): Promise<FitBenchResult> {
  const database = await createTestDatabase();
  const standin = await startStandin({ port: 0 });
  try {
    const client = new CtgovClient({ baseUrl: standin.url, rateLimitPerMin: 60_000, backoffBaseMs: 20, timeoutMs: 10_000 });
    const started = await startSync({ prisma: database.prisma, mode: "full", trigger: "cli", client });
    if (!started.ok) throw new Error("could not claim the sync");
    const outcome = await started.done;
    if (outcome.status !== "succeeded") throw new Error(`sync failed: ${outcome.error}`);
    const pgClient = new pg.Client({ connectionString: database.url });
    await pgClient.connect();
    const grown = await growToSynthetic(pgClient, opts.trials);
    const { rows } = await pgClient.query<{ nct_id: string }>(`SELECT nct_id FROM trial WHERE removed_at IS NULL`);
    await pgClient.end();
    const ids = rows.map((r) => r.nct_id);

    process.env.DATABASE_URL = database.url;
    const { POST } = await import("../../app/api/fit/route");
    const { db } = await import("../../lib/db/client");
    const { eligibilityOf } = await import("../../lib/eligibility/data");
    const { fitResultsBody } = await import("../../lib/eligibility/fit");
    const r = rng(12);
    const cpu: number[] = [];
    const ask = async () => {
      const nctIds = Array.from({ length: 500 }, () => ids[Math.floor(r() * ids.length)]!);
      const body = JSON.stringify({ profile: randomProfile(r), nctIds });
      const t = performance.now();
      const c = process.cpuUsage();
      const res = await POST(new Request("http://127.0.0.1/api/fit", { method: "POST", headers: { "content-type": "application/json" }, body }));
      await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      return performance.now() - t;
    };
    const coldMs = await ask();
    for (let i = 0; i < 20; i++) await ask(); // warm the JIT and the rules cache
    cpu.length = 0;
    const times: number[] = [];
    for (let i = 0; i < opts.requests; i++) times.push(await ask());
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    // The parts, apart: the rules of 500 trials (stamps from Postgres, the in-memory cache), then the body.
    const rulesMs: number[] = [];
    const bodyMs: number[] = [];
    let bodyBytes = 0;
    for (let i = 0; i < 50; i++) {
      const nctIds = [...new Set(Array.from({ length: 500 }, () => ids[Math.floor(r() * ids.length)]!))];
      const t0 = performance.now();
      const rules = await eligibilityOf(db(), nctIds);
      const t1 = performance.now();
      bodyBytes = fitResultsBody(nctIds, rules, randomProfile(r)).length;
      bodyMs.push(performance.now() - t1);
      rulesMs.push(t1 - t0);
    }
    rulesMs.sort((a, b) => a - b);
    bodyMs.sort((a, b) => a - b);
    return {
      trials: grown.trials,
      requests: times.length,
      coldMs: r1(coldMs),
      p50: r1(percentile(times, 50)),
      p95: r1(percentile(times, 95)),
      max: r1(times[times.length - 1]!),
      cpuP50: r1(percentile(cpu, 50)),
      cpuP95: r1(percentile(cpu, 95)),
      rulesP50: r1(percentile(rulesMs, 50)),
      bodyP50: r1(percentile(bodyMs, 50)),
      bodyBytes,
    };
  } finally {
    await disconnectAll();
    await standin.close();
    await database.drop();
  }
}

/** Runs the measurement in its own process under the react-server condition; resolves with its figures. */
export function runFitBench(opts: { trials?: number; requests?: number } = {}): Promise<FitBenchResult> {
  const args = ["--conditions=react-server", "--import", "tsx", "tests/bench/fit.ts", "--json", "--trials", String(opts.trials ?? 2000), "--requests", String(opts.requests ?? 300)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" } });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code === 0 && line) resolve(JSON.parse(line) as FitBenchResult);
      else reject(new Error(`the /api/fit benchmark exited with ${code}`));
    });
  });
}

export function printFit(r: FitBenchResult) {
  console.log(
    `/api/fit, 500 random trials of ${r.trials} per request, random profiles, ${r.requests} requests in turn (in-process route handler, real Postgres): ` +
      `first (cold rules cache) ${r.coldMs} ms; p50 ${r.p50} ms, p95 ${r.p95} ms, max ${r.max} ms`,
  );
  console.log(
    `  this process's CPU per request: p50 ${r.cpuP50} ms, p95 ${r.cpuP95} ms; apart: rules of 500 trials p50 ${r.rulesP50} ms, JSON body p50 ${r.bodyP50} ms (${Math.round(r.bodyBytes / 1024)} KB)`,
  );
  console.log(`bench:fit p95 ${r.p95} ms for 500 trials`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureFit({ trials: positiveArg("--trials", 2000, { whole: true }), requests: positiveArg("--requests", 300, { whole: true }) });
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else printFit(result);
  process.exit(0);
}
