import "server-only";
import { isDatabaseDown } from "../db/health";
import { logger } from "../logger";
import type { PreparedSearch } from "./run";

// How search route handlers answer bad input and failures: never an empty 500.

export function badRequest(errors: PreparedSearch["errors"]): Response {
  return Response.json(
    {
      error: "invalid_parameters",
      message: errors.map((e) => e.message).join("; "),
      errors: errors.map((e) => ({ param: e.param, value: e.value, message: e.message, ...(e.allowed ? { allowed: e.allowed } : {}), ...("suggestions" in e ? { suggestions: e.suggestions } : {}) })),
    },
    { status: 400 },
  );
}

export function failure(err: unknown, where: string): Response {
  if (isDatabaseDown(err)) {
    return Response.json({ error: "database_unavailable", message: "The trial database is not reachable right now. Try again in a minute." }, { status: 503, headers: { "retry-after": "10" } });
  }
  logger.error({ err, where }, "search request failed");
  return Response.json({ error: "internal_error", message: "Something went wrong on our side while searching." }, { status: 500 });
}
