import { isDatabaseDown } from "../db/health";
import { logger } from "../logger";

/**
 * Every error answer of every route under app/api: one body shape, `{"error": code, "message": sentence}`,
 * plus the fields a condition documents (the 400s' `errors` list naming each bad parameter, the 409's
 * `runId`, /api/health's `db`). The code is for programs, the message for people; each condition has
 * one sentence, written here or by the module that knows the detail (which parameter, which variable).
 */

const STATUS = {
  invalid_parameters: 400,
  invalid_body: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal_error: 500,
  database_unavailable: 503,
  alerts_off: 503,
} as const;

export type ErrorCode = keyof typeof STATUS;

/** The one sentence for a database that cannot be reached, in API answers and on pages. */
export const DATABASE_UNREACHABLE = "The trial database is not reachable right now. Please try again in a minute.";
export const INTERNAL_ERROR = "Something went wrong on our side. Please try again; if it keeps happening, the server log says what failed.";

/** For answers that must not be cached: admin answers, and any answer to a body carrying health data. */
export const NO_STORE = { "cache-control": "no-store" } as const;

type ErrorOptions = { headers?: HeadersInit; extra?: Record<string, unknown> };

/** The error answer for `code` (its status is fixed by the code). A database that is down asks clients to retry in 10 s. */
export function apiError(code: ErrorCode, message: string, opts: ErrorOptions = {}): Response {
  const headers = new Headers(opts.headers);
  if (code === "database_unavailable" && !headers.has("retry-after")) headers.set("retry-after", "10");
  return Response.json({ error: code, message, ...opts.extra }, { status: STATUS[code], headers });
}

/** `code` (and the `max` it speaks of) says why in a stable word, for clients that word it in another language. */
export type ParamError = { param: string; message: string; code?: string; max?: number; value?: string | null; allowed?: readonly string[]; suggestions?: unknown };

/**
 * 400 naming every bad parameter (or body key): `message` joins them (each as `sentence` words it),
 * `errors` lists them one by one with the value sent, the reason's code, the values allowed and any suggestions.
 */
export function invalidParameters(
  errors: ParamError[],
  opts: { code?: "invalid_parameters" | "invalid_body"; headers?: HeadersInit; sentence?: (e: ParamError) => string } = {},
): Response {
  const sentence = opts.sentence ?? ((e: ParamError) => e.message);
  const listed = errors.map(({ param, value, code, max, message, allowed, suggestions }) => ({ param, value, code, max, message, allowed, suggestions }));
  return apiError(opts.code ?? "invalid_parameters", errors.map(sentence).join("; "), { headers: opts.headers, extra: { errors: listed } });
}

/** Each entry as "param: problem", for errors whose own message does not name the parameter. */
export const naming = (e: ParamError) => `${e.param}: ${e.message}`;

export const databaseUnavailable = (headers?: HeadersInit) => apiError("database_unavailable", DATABASE_UNREACHABLE, { headers });

/**
 * The answer for an error a route caught: 503 when the database is down, else 500 with the error
 * logged (never a stack or an empty body to the client).
 */
export function failure(err: unknown, where: string, headers?: HeadersInit): Response {
  if (isDatabaseDown(err)) return databaseUnavailable(headers);
  logger.error({ err, where }, "request failed");
  return apiError("internal_error", INTERNAL_ERROR, { headers });
}
