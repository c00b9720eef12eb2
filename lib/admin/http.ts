import { isDatabaseDown } from "../db/health";

/** Admin responses are never cached by browsers or proxies. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export function refused(r: { status: number; error: string }, headers: Record<string, string> = {}): Response {
  return json({ error: r.error }, r.status, r.status === 503 ? { "retry-after": "10", ...headers } : headers);
}

/** The answer while the database cannot be reached. */
export function databaseUnavailable(): Response {
  return json({ error: "The database is not reachable right now." }, 503, { "retry-after": "10" });
}

/** A database that is down is a 503 the dashboard can show; anything else is a real error and is rethrown. */
export function databaseDown(err: unknown): Response {
  if (isDatabaseDown(err)) return databaseUnavailable();
  throw err;
}

/** Reads a small JSON body, giving up as soon as it passes maxBytes (an admin body is a few bytes). */
export async function readJsonBody(req: Request, maxBytes = 16 * 1024): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new SyntaxError("request body too large");
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}
