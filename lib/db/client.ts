import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { endBulkPools, rememberConnectionString } from "./bulk";
import { isEmbeddedUrl } from "./embedded";

/**
 * One Prisma client per process and connection string. Route handlers, the sync job and the CLI
 * all share this. Callers pass the URL explicitly in tests; elsewhere DATABASE_URL is set before
 * first use (jobs/start.ts starts embedded Postgres and exports its URL).
 */
const clients = new Map<string, PrismaClient>();

export function createPrisma(connectionString: string, opts: { max?: number } = {}) {
  // Embedded PGlite runs one backend for every connection, and its socket server interleaves the
  // messages of concurrent statements from different connections (an unnamed prepared statement of
  // one is replaced by another's). One connection per process keeps each statement whole; queries
  // queue for it, so they may wait longer for it.
  const embedded = isEmbeddedUrl(connectionString);
  const adapter = new PrismaPg({
    connectionString,
    max: embedded ? 1 : (opts.max ?? 10),
    connectionTimeoutMillis: embedded ? 120_000 : 10_000,
    // Timestamps are stored without a zone; every session writes and reads them in UTC, whatever the
    // server's default, so times written with now() and times read back as UTC agree.
    options: "-c TimeZone=UTC",
    // A query that hangs (database gone, lock wait) must not hang a request forever.
    statement_timeout: 120_000,
  });
  const client = new PrismaClient({ adapter });
  rememberConnectionString(client, connectionString);
  return client;
}

export function prismaFor(connectionString: string): PrismaClient {
  let client = clients.get(connectionString);
  if (!client) {
    client = createPrisma(connectionString);
    clients.set(connectionString, client);
  }
  return client;
}

export class DatabaseNotConfiguredError extends Error {
  constructor() {
    super("DATABASE_URL is not set: start the app with `npm start` (embedded Postgres) or set DATABASE_URL");
  }
}

export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new DatabaseNotConfiguredError();
  return prismaFor(url);
}

export async function disconnectAll() {
  await Promise.all([...clients.values()].map((c) => c.$disconnect()));
  clients.clear();
  await endBulkPools();
}
