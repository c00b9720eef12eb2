import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { CtgovClient } from "../../../lib/ctgov/service";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import type { SyncMode } from "../../../lib/sync/lock";
import { startSync } from "../../../lib/sync/start";
import { type Standin, startStandin } from "../../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "./db";

/** A client for the stand-in: no rate limit to speak of, quick bounded retries. */
export function standinClient(baseUrl: string, extra: Partial<ConstructorParameters<typeof CtgovClient>[0]> = {}) {
  return new CtgovClient({ baseUrl, rateLimitPerMin: 60_000, backoffBaseMs: 20, backoffMaxMs: 200, maxRetries: 4, timeoutMs: 5_000, ...extra });
}

export async function syncOnce(prisma: PrismaClient, client: CtgovClient, mode: SyncMode, pageSize = 100) {
  const started = await startSync({ prisma, mode, trigger: "cli", client, pageSize });
  if (!started.ok) throw new Error(`a run is in progress: ${started.runningRunId}`);
  return started.done;
}

/** Rows that would betray a duplicate or a half-written page: child rows that do not match the stored raw record. */
export async function childRowMismatches(prisma: PrismaClient) {
  return prisma.$queryRawUnsafe<{ nct_id: string }[]>(`
    SELECT t.nct_id FROM trial t
    WHERE (SELECT count(*) FROM intervention i WHERE i.nct_id = t.nct_id) <> COALESCE(jsonb_array_length(t.raw #> '{protocolSection,armsInterventionsModule,interventions}'), 0)
       OR (SELECT count(*) FROM arm_group a WHERE a.nct_id = t.nct_id) <> COALESCE(jsonb_array_length(t.raw #> '{protocolSection,armsInterventionsModule,armGroups}'), 0)
       OR (SELECT count(*) FROM site s WHERE s.nct_id = t.nct_id) <> COALESCE(jsonb_array_length(t.raw #> '{protocolSection,contactsLocationsModule,locations}'), 0)`);
}

export type { Standin };

/**
 * A fresh migrated database and a stand-in serving the bundled records for one test file, made
 * before its tests and removed after them. `databaseTimeZone` sets the database's default time zone
 * (real Postgres only) before any client connects.
 */
export function withDatabaseAndStandin(use: (database: TestDatabase, standin: Standin) => void, opts: { databaseTimeZone?: string } = {}) {
  let database: TestDatabase | undefined;
  let standin: Standin | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    if (opts.databaseTimeZone && database.kind === "postgres") {
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" SET timezone TO '${opts.databaseTimeZone.replace(/'/g, "")}'`);
      await admin.end();
    }
    standin = await startStandin({ port: 0 });
    use(database, standin);
  });
  afterAll(async () => {
    await standin?.close();
    await database?.drop();
  });
}

/**
 * Like withDatabaseAndStandin, but made before each test and removed after it, so no test depends
 * on what an earlier one synced or changed on the stand-in. With `synced`, the database first gets
 * one full sync from the untouched stand-in (the state "a site that has synced before").
 */
export function withFreshDatabaseAndStandinPerTest(use: (database: TestDatabase, standin: Standin) => void, opts: { synced?: boolean } = {}) {
  let database: TestDatabase | undefined;
  let standin: Standin | undefined;
  beforeEach(async () => {
    database = await createTestDatabase();
    standin = await startStandin({ port: 0 });
    if (opts.synced) {
      const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full");
      if (outcome.status !== "succeeded") throw new Error(`the setup sync failed: ${outcome.error}`);
    }
    use(database, standin);
  });
  afterEach(async () => {
    await standin?.close();
    await database?.drop();
    standin = undefined;
    database = undefined;
  });
}
