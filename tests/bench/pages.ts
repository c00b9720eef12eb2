/**
 * npm run bench:pages [-- --no-lighthouse] [-- --lighthouse-runs N] [-- --scripts]
 * What a visitor's browser loads, measured in Debian's Chromium (Playwright) against `next start` of
 * the production build (tests/chaos/helpers/web.ts builds it if missing or older than the code) on a
 * fresh database filled by a real sync from the stand-in:
 * - the first-load JavaScript (gzipped, level 9) of /, /trials and a trial page: every script the page
 *   loads until the network is idle;
 * - what the map view adds when it is opened (Leaflet, the outlines, the clustering), which must not
 *   be part of /trials' first load;
 * - Lighthouse (mobile profile, its default) performance and accessibility of / and /trials, run
 *   N times per page (default 3, as Lighthouse advises for a score that varies run to run): the median
 *   run is the figure, every run is printed. BENCH_LIGHTHOUSE_DIR=<dir> keeps each report's JSON there
 *   (long tasks, render-blocking resources, the LCP element: the details behind a low score).
 * --scripts lists each page's first-load scripts with its gzipped size (what to trim).
 * Budget (issue 18, and issue 16 for Spanish): /trials and /es/trials first-load JavaScript ≤ 150 KB gzipped; Lighthouse performance ≥ 90 and
 * accessibility 100 on / and /trials. The machine is shared: timings (Lighthouse performance) vary
 * with its load; byte counts do not.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { standinClient, syncOnce } from "../integration/helpers/sync";
import { startWeb } from "../chaos/helpers/web";
import { positiveArg } from "./args";
import { r1 } from "./stats";

const LIGHTHOUSE = !process.argv.includes("--no-lighthouse");
const LH_RUNS = positiveArg("--lighthouse-runs", 3, { whole: true });
const LH_DIR = process.env.BENCH_LIGHTHOUSE_DIR;
const SCRIPTS = process.argv.includes("--scripts");
const BUDGET_KB = 150;
const CHROME = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

type Weight = { files: number; kbGzip: number; kbRaw: number; urls: string[] };

function weigh(bodies: Map<string, Buffer>, urls: string[]): Weight {
  let gz = 0;
  let raw = 0;
  for (const u of urls) {
    const b = bodies.get(u)!;
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { files: urls.length, kbGzip: r1(gz / 1024), kbRaw: r1(raw / 1024), urls };
}

type Lh = { performance: number; accessibility: number; metrics: string };
const METRICS: [string, string][] = [
  ["first-contentful-paint", "FCP"],
  ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"],
  ["cumulative-layout-shift", "CLS"],
  ["speed-index", "SI"],
];

async function lighthouse(url: string, name: string): Promise<Lh | { error: string }> {
  if (!existsSync(CHROME)) return { error: `no Chromium at ${CHROME}` };
  const out = LH_DIR ? path.join(LH_DIR, `${name}.json`) : path.join(os.tmpdir(), `dtf-lh-pages-${process.pid}.json`);
  try {
    await promisify(execFile)(
      process.execPath,
      ["node_modules/lighthouse/cli/index.js", url, `--chrome-path=${CHROME}`, `--chrome-flags=--headless=new ${FLAGS.join(" ")}`, "--only-categories=performance,accessibility", "--output=json", `--output-path=${out}`, "--quiet"],
      { timeout: 180_000, env: { ...process.env, CHROME_PATH: CHROME } },
    );
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      categories: Record<string, { score: number }>;
      configSettings?: { formFactor?: string };
      audits: Record<string, { displayValue?: string }>;
    };
    if (report.configSettings?.formFactor && report.configSettings.formFactor !== "mobile") return { error: `ran as ${report.configSettings.formFactor}, not mobile` };
    const metrics = METRICS.map(([id, name]) => `${name} ${report.audits[id]?.displayValue ?? "?"}`).join(", ");
    return { performance: Math.round(report.categories.performance!.score * 100), accessibility: Math.round(report.categories.accessibility!.score * 100), metrics };
  } catch (err) {
    return { error: (err as Error).message.split("\n")[0]! };
  }
}

async function main() {
  const database = await createTestDatabase();
  const standin = await startStandin({ port: 0 });
  const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full", 500);
  if (outcome.status !== "succeeded") throw new Error(`seed sync failed: ${outcome.error}`);
  const trial = (await database.prisma.$queryRawUnsafe<{ nct_id: string }[]>(`SELECT nct_id FROM trial WHERE removed_at IS NULL AND has_results ORDER BY nct_id LIMIT 1`))[0]!.nct_id;
  // No map tiles: nothing may wait on a tile server this machine cannot reach.
  const web = await startWeb({ databaseUrl: database.url, env: { MAP_TILE_URL: "" } });
  const browser = await chromium.launch({ executablePath: existsSync(CHROME) ? CHROME : undefined, args: FLAGS });
  let failed = false;
  try {
    const bodies = new Map<string, Buffer>();
    const page = await browser.newPage();
    let seen: string[] = [];
    page.on("response", async (r) => {
      if (r.request().resourceType() !== "script" || !r.ok()) return;
      seen.push(r.url());
      bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
    });
    const firstLoad = async (p: string) => {
      seen = [];
      await page.goto(`${web.url}${p}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      return weigh(bodies, [...new Set(seen)]);
    };
    const rows: [string, Weight][] = [];
    // /es/trials last: the Spanish search page carries its own words as props, and the budget is the same.
    for (const p of ["/", "/trials", `/trials/${trial}`, "/es/trials"]) rows.push([p, await firstLoad(p)]);
    // The older measure (bench:search): only the scripts named in /trials' HTML, not those the page
    // imports right after hydration (the card module it warms for the next search).
    const html = await (await fetch(`${web.url}/trials`)).text();
    const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((t) => !/nomodule/i.test(t));
    const tagged = [...new Set(tags.map((t) => /src="([^"]+\.js[^"]*)"/.exec(t)?.[1]).filter((x): x is string => !!x))].map((src) => new URL(src, web.url).href);
    const inHtml = weigh(bodies, tagged.filter((u) => bodies.has(u)));
    // The map view, opened from the list: what it adds on demand.
    const listScripts = new Set(rows[1]![1].urls);
    await page.goto(`${web.url}/trials`, { waitUntil: "networkidle" });
    seen = [];
    await page.getByRole("button", { name: "Map" }).click();
    await page.locator("path.outline-country").first().waitFor({ state: "attached", timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    const mapAdds = weigh(bodies, [...new Set(seen)].filter((u) => !listScripts.has(u)));

    console.log("first-load JavaScript (gzipped level 9, every script until the network is idle, Chromium):");
    for (const [p, w] of rows) console.log(`  ${p.padEnd(22)} ${w.kbGzip.toString().padStart(6)} KB gzipped (${w.kbRaw} KB raw, ${w.files} scripts)`);
    console.log(`  /trials, HTML <script> tags only ${inHtml.kbGzip} KB gzipped (${inHtml.files} scripts; the measure bench:search and docs/performance.md use)`);
    if (SCRIPTS) {
      for (const [p, w] of rows) {
        console.log(`  scripts of ${p}:`);
        for (const u of w.urls) console.log(`    ${weigh(bodies, [u]).kbGzip.toString().padStart(6)} KB  ${new URL(u).pathname}`);
      }
    }
    console.log(`  map view, on demand     ${mapAdds.kbGzip.toString().padStart(6)} KB gzipped (${mapAdds.kbRaw} KB raw, ${mapAdds.files} scripts; Leaflet, outlines, clustering; none of it in /trials' first load)`);
    const trials = rows[1]![1];
    const spanish = rows[3]![1];
    for (const [name, w] of [["/trials", trials], ["/es/trials", spanish]] as const) {
      const within = w.kbGzip <= BUDGET_KB;
      if (!within) failed = true;
      console.log(`budget: ${name} ${w.kbGzip} KB of ${BUDGET_KB} KB: ${within ? "within" : "OVER"}`);
    }
    if (LIGHTHOUSE) {
      if (LH_DIR) mkdirSync(LH_DIR, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      for (const p of ["/", "/trials"]) {
        const runs: Lh[] = [];
        for (let i = 1; i <= LH_RUNS; i++) {
          const lh = await lighthouse(`${web.url}${p}`, `${stamp}-${p === "/" ? "home" : p.slice(1)}-${i}`);
          if ("error" in lh) {
            console.log(`lighthouse ${p} run ${i}: could not run: ${lh.error}`);
            continue;
          }
          runs.push(lh);
          console.log(`  lighthouse ${p} run ${i}: performance ${lh.performance}, accessibility ${lh.accessibility} (${lh.metrics})`);
        }
        if (!runs.length) continue;
        const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor((runs.length - 1) / 2)]!;
        const range = runs.length > 1 ? `; runs ${runs.map((r) => r.performance).join(", ")}` : "";
        console.log(`lighthouse ${p} (mobile, median of ${runs.length}): performance ${median.performance}, accessibility ${median.accessibility} (${median.metrics})${range}`);
      }
    }
    console.log(`bench:pages /trials first-load JS ${trials.kbGzip} KB gzipped, /es/trials ${spanish.kbGzip} KB, / ${rows[0]![1].kbGzip} KB, trial page ${rows[2]![1].kbGzip} KB, map on demand ${mapAdds.kbGzip} KB`);
  } finally {
    await browser.close();
    await web.stop();
    await standin.close();
    await database.drop();
  }
  process.exit(failed ? 1 : 0);
}

await main();
