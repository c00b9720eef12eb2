import { env } from "../env";
import { logger } from "../logger";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

export type Database = { url: string; embedded: EmbeddedPostgres | null; stop(): Promise<void> };

/**
 * DATABASE_URL when set; otherwise embedded Postgres in PGLITE_DIR (started here, or the one another
 * local process already serves). Migrations are applied either way, and DATABASE_URL is exported so
 * child processes (the Next server) and lib/db/client.ts use the same database.
 */
/** role "app" for long-running processes (npm start, the worker): they never attach to a one-off command's embedded server (lib/db/embedded.ts). */
export async function openDatabase(opts: { migrate?: boolean; role?: "app" | "command" } = {}): Promise<Database> {
  const e = env();
  let embedded: EmbeddedPostgres | null = null;
  let url = e.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: e.PGLITE_DIR, role: opts.role ?? "command" });
    url = embedded.url;
    logger.info({ dataDir: e.PGLITE_DIR, port: embedded.port, owned: embedded.owned }, "using embedded Postgres (DATABASE_URL is unset)");
    process.env.DATABASE_URL = url;
  }
  if (opts.migrate !== false) {
    const result = await applyMigrations(url);
    if (result.applied.length) logger.info({ applied: result.applied }, "applied migrations");
  }
  return { url, embedded, stop: async () => embedded?.stop() };
}
