import { isDatabaseDown } from "../db/health";

/** Admin responses are never cached by browsers or proxies. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function refused(r: { status: number; error: string }, headers: Record<string, string> = {}): Response {
  return json({ error: r.error }, r.status, headers);
}

/** A database that is down is a 503 the dashboard can show; anything else is a real error and is rethrown. */
export function databaseDown(err: unknown): Response {
  if (isDatabaseDown(err)) return json({ error: "The database is not reachable right now." }, 503, { "retry-after": "10" });
  throw err;
}

export async function readJsonBody(req: Request, maxBytes = 16 * 1024): Promise<unknown> {
  const text = await req.text();
  if (text.length > maxBytes) throw new SyntaxError("request body too large");
  return text.trim() === "" ? {} : JSON.parse(text);
}
