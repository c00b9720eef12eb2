/**
 * npm run sync            one incremental sync now
 * npm run sync -- --full  one full sync (reconciles the ID set) now
 * Progress per page: a bar on a terminal, plain lines otherwise. Exit 0 succeeded, 1 failed, 3 another run is in progress.
 */
import { openDatabase } from "../lib/db/bootstrap";
import { createPrisma } from "../lib/db/client";
import { env } from "../lib/env";
import { describeProgress, describeSummary, progressBar } from "../lib/sync/progress-format";
import { yieldCpuToWebApp } from "../lib/sync/priority";
import { startSync } from "../lib/sync/start";
import { runMain } from "./run-main";

const USAGE = "usage: npm run sync [-- --full | --incremental]";

await runMain(async () => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !["--full", "--incremental"].includes(a));
  if (unknown.length || (args.includes("--full") && args.includes("--incremental"))) {
    console.error(`unknown or conflicting option ${unknown.join(" ") || "--full with --incremental"}\n${USAGE}`);
    return 2;
  }
  env();
  const mode = args.includes("--full") ? "full" : "incremental";
  const database = await openDatabase();
  yieldCpuToWebApp({ hostsEmbeddedDatabase: database.embedded !== null });
  const prisma = createPrisma(database.url);
  const tty = process.stdout.isTTY;
  const stop = new AbortController();
  const onSignal = () => stop.abort(new Error("stopped by a signal (the next run picks up the work)"));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const started = Date.now();
  try {
    const result = await startSync({
      prisma,
      mode,
      trigger: "cli",
      signal: stop.signal,
      onProgress: (p) => {
        if (tty) process.stdout.write(`\r${progressBar(p)}`);
        else console.log(`run ${p.runId}: ${describeProgress(p)}`);
      },
    });
    if (!result.ok) {
      console.error(`another sync is in progress (run ${result.runningRunId}); try again when it ends`);
      return 3;
    }
    console.log(`${mode} sync started (run ${result.runId}) from ${env().CTGOV_BASE_URL}`);
    const outcome = await result.done;
    if (tty) process.stdout.write("\n");
    const secs = (Date.now() - started) / 1000;
    if (outcome.status === "succeeded") {
      console.log(`run ${outcome.runId} succeeded: ${describeSummary(outcome.progress, secs)}`);
      return 0;
    }
    console.error(`run ${outcome.runId} failed: ${outcome.error}`);
    console.error(`committed before the failure: ${describeSummary(outcome.progress, secs)}; earlier data is still served`);
    return 1;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
});
