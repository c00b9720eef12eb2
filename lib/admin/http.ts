import { apiError, NO_STORE } from "../http/errors";
import type { GateRefusal } from "./auth";

/** Admin responses are never cached by browsers or proxies (errors too: lib/http/errors.ts with NO_STORE). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** The answer to a request the admin gate refused. */
export function refusal(g: GateRefusal): Response {
  return apiError(g.code, g.message, { headers: NO_STORE });
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
