import "server-only";
import type { z } from "zod";
import { invalidParameters, naming, NO_STORE } from "../http/errors";

/**
 * How the eligibility routes read bodies and answer bad ones. The body carries health data, so a
 * 400 names each bad key and says what was expected but never repeats the value sent, and every
 * answer is `Cache-Control: no-store`.
 */

/** A profile and 500 ids fit in a few KB; anything far bigger is refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024;

export type BodyError = { param: string; message: string };

export function invalid(errors: BodyError[]): Response {
  return invalidParameters(errors, { code: "invalid_body", headers: NO_STORE, sentence: naming });
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
