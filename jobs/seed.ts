/** npm run db:seed [-- --force]: fill the database from the bundled real records (only when empty unless --force). */
import { openDatabase } from "../lib/db/bootstrap";
import { createPrisma } from "../lib/db/client";
import { runMain } from "./run-main";
import { seedFromBundle } from "./seed-from-bundle";

await runMain(async () => {
  const force = process.argv.includes("--force");
  const database = await openDatabase();
  const prisma = createPrisma(database.url);
  try {
    const count = await prisma.trial.count();
    if (count > 0 && !force) {
      console.log(`the database already holds ${count} trials; nothing to do (use --force to reseed)`);
      return 0;
    }
    const result = await seedFromBundle(prisma);
    (result.ok ? console.log : console.error)(result.message);
    return result.ok ? 0 : 1;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
});
