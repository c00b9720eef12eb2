import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "./db-probe";

/**
 * The private cluster's own record of when each process ran a statement: an outside clock for "these
 * processes acted within the same second". Statement logging is turned on per database, with a line
 * prefix naming the time (ms, UTC), the database and the application_name.
 */

export async function logStatementsOf(adminUrl: string, database: string) {
  await sql(adminUrl, `ALTER SYSTEM SET log_line_prefix = '%m [%p] %d %a: '`);
  await sql(adminUrl, `ALTER SYSTEM SET log_timezone = 'UTC'`);
  await sql(adminUrl, `SELECT pg_reload_conf()`);
  // Page writes carry megabytes of parameters: log the statements, not their values.
  await sql(adminUrl, `ALTER DATABASE ${database} SET log_statement = 'all'`);
  await sql(adminUrl, `ALTER DATABASE ${database} SET log_parameter_max_length = 0`);
}

/** The server log (tests/chaos/helpers/cluster.ts writes it beside the data directory). */
export async function serverLog(adminUrl: string): Promise<string> {
  const rows = await sql<{ data_directory: string }>(adminUrl, `SHOW data_directory`);
  return readFileSync(path.join(path.dirname(rows[0]!.data_directory), "server.log"), "utf8");
}

export type LoggedStatement = { at: number; pid: number; database: string; app: string; statement: string };

/** Statements of one database whose text matches `pattern`, in log order. */
export function loggedStatements(log: string, database: string, pattern: RegExp): LoggedStatement[] {
  const line = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC \[(\d+)\] (\S+) (\S*): LOG: {2}(?:statement|execute [^:]*): (.*)$/gm;
  const found: LoggedStatement[] = [];
  for (const m of log.matchAll(line)) {
    if (m[3] !== database || !pattern.test(m[5]!)) continue;
    found.push({ at: Date.parse(`${m[1]!.replace(" ", "T")}Z`), pid: Number(m[2]), database: m[3], app: m[4]!, statement: m[5]! });
  }
  return found;
}
