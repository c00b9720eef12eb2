import { createPrisma } from "../../../lib/db/client";
import { type Standin, startStandin } from "../../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "../../integration/helpers/db";
import { standinClient, syncOnce } from "../../integration/helpers/sync";

/**
 * A fresh database filled by one real full sync (page size 200) from a new stand-in, for chaos tests
 * that then start the production build on it. The sync runs through a client of its own, closed
 * afterwards (and the database's own client is closed too), so the database's backends report their
 * counters now and the web servers started next hold the only connections.
 */
export async function syncedDatabase(): Promise<{ database: TestDatabase; standin: Standin }> {
  const database = await createTestDatabase();
  const standin = await startStandin({ port: 0 });
  const prisma = createPrisma(database.url);
  try {
    const outcome = await syncOnce(prisma, standinClient(standin.url), "full", 200);
    if (outcome.status !== "succeeded") throw new Error(`seed sync failed: ${outcome.error}`);
  } finally {
    await prisma.$disconnect();
  }
  await database.prisma.$disconnect();
  return { database, standin };
}
