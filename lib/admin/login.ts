import { DATABASE_UNREACHABLE } from "../http/errors";

// Why a login failed, in words for the person at the form. The JSON answers of
// POST /api/admin/session carry the same sentences; a login without JavaScript (a form post) is sent
// back to /admin?login=<reason>, and the page shows the sentence for that reason.

/** Said on the admin page and by the login route when only ADMIN_TOKEN is configured. */
export const PASSWORD_LOGIN_OFF = "Password login is off: only ADMIN_TOKEN is configured, for scripts. Set ADMIN_PASSWORD and SESSION_SECRET to log in here.";

export const LOGIN_FAILURES = {
  wrong: "Wrong password.",
  limited: "Too many failed attempts. Try again later.",
  invalid: "Please type the password.",
  unavailable: DATABASE_UNREACHABLE,
} as const;
export type LoginFailure = keyof typeof LOGIN_FAILURES;

/** The sentence for a `?login=` value; null for anything that is not one of ours. */
export function loginFailureMessage(reason: unknown): string | null {
  return typeof reason === "string" && Object.hasOwn(LOGIN_FAILURES, reason) ? LOGIN_FAILURES[reason as LoginFailure] : null;
}

/** A no-JavaScript login: back to /admin with the answer's cookie, and the reason when it failed. */
export function backToAdmin(res: Response, reason: LoginFailure | null): Response {
  const headers = new Headers({ location: reason ? `/admin?login=${reason}` : "/admin", "cache-control": "no-store" });
  for (const cookie of res.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}
