import "server-only";
import type { z } from "zod";

/**
 * How the eligibility routes read bodies and answer bad ones. The body carries health data, so a
 * 400 names each bad key and says what was expected but never repeats the value sent, and every
 * answer is `Cache-Control: no-store`.
 */

export const NO_STORE = { "cache-control": "no-store" } as const;
/** A profile and 500 ids fit in a few KB; anything far bigger is refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024;

export type BodyError = { param: string; message: string };

export function invalid(errors: BodyError[]): Response {
  return Response.json(
    { error: "invalid_body", message: errors.map((e) => `${e.param}: ${e.message}`).join("; "), errors },
    { status: 400, headers: NO_STORE },
  );
}

/** zod's issues as one entry per bad key: unknown keys are listed one by one, values are never echoed. */
export function issuesToErrors(error: z.ZodError): BodyError[] {
  const out: BodyError[] = [];
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ param: [...at, key].join("."), message: "unknown key" });
    } else {
      out.push({ param: at.join(".") || "body", message: issue.message });
    }
  }
  return out;
}

/** The request's JSON body parsed with `schema`, or the 400 to send. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
  if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
    return { ok: false, response: invalid([{ param: "body", message: "expected a JSON body (Content-Type: application/json)" }]) };
  }
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) return { ok: false, response: invalid([{ param: "body", message: `larger than ${MAX_BODY_BYTES} bytes` }]) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: invalid([{ param: "body", message: "not valid JSON" }]) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: invalid(issuesToErrors(parsed.error)) };
  return { ok: true, data: parsed.data };
}
