import { openDatabase } from "../lib/db/bootstrap";
import { readMigrations } from "../lib/db/migrate";
import { runMain } from "./run-main";

await runMain(async () => {
  const database = await openDatabase({ migrate: true });
  console.log(`migrations up to date (${readMigrations().length} in prisma/migrations)`);
  await database.stop();
});
