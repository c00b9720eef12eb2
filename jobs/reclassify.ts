/** npm run reclassify [-- --all]: recompute classifications from stored raw records (stale versions only, or --all). */
import { CLASSIFIER_VERSION } from "../lib/classify/version";
import { openDatabase } from "../lib/db/bootstrap";
import { createPrisma } from "../lib/db/client";
import { reclassifyStale } from "../lib/sync/reclassify";
import { rereadEligibilityStale } from "../lib/sync/reread-eligibility";
import { runMain } from "./run-main";

await runMain(async () => {
  const all = process.argv.includes("--all");
  const database = await openDatabase();
  const prisma = createPrisma(database.url);
  try {
    const started = Date.now();
    const count = await reclassifyStale(prisma, { all });
    console.log(`reclassified ${count} trials with classifier version ${CLASSIFIER_VERSION} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const reread = await rereadEligibilityStale(prisma, { all });
    console.log(`re-read the eligibility rules of ${reread} trials`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
});
