/** True when an error means the database cannot be reached (down, restarting, refusing connections). */
export function isDatabaseDown(err: unknown): boolean {
  const text = `${(err as { code?: string })?.code ?? ""} ${(err as Error)?.message ?? String(err)}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P01|57P03|08006|08001|08003|Connection terminated|connect timeout|DATABASE_URL is not set|Can't reach database|the database system is (starting|shutting) up|terminating connection|Timed out fetching a new connection/i.test(
    text,
  );
}
