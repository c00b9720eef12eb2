import { env, EnvError, type Env } from "../env";
import { logger } from "../logger";

/**
 * Whether admin is on, and with which credentials. Fails closed: no credential, or any invalid
 * environment value, means admin is off. The reason names variables, never their values.
 */
export type AdminConfig =
  | { enabled: true; password: string | null; sessionSecret: string | null; token: string | null }
  | { enabled: false; reason: string };

export const HOW_TO_ENABLE =
  "Set ADMIN_PASSWORD (at least 12 characters) together with SESSION_SECRET (at least 32) to log in here, and/or ADMIN_TOKEN (at least 24) for scripts and schedulers, then restart.";

export function adminConfigFrom(e: Pick<Env, "ADMIN_PASSWORD" | "ADMIN_TOKEN" | "SESSION_SECRET">): AdminConfig {
  const password = e.ADMIN_PASSWORD ?? null;
  const sessionSecret = e.SESSION_SECRET ?? null;
  const token = e.ADMIN_TOKEN ?? null;
  // The env schema already refuses a password without a secret; checked again so this never fails open.
  const passwordUsable = password !== null && sessionSecret !== null;
  if (!passwordUsable && token === null) {
    return { enabled: false, reason: `Admin is off: no admin credential is configured. ${HOW_TO_ENABLE}` };
  }
  return { enabled: true, password: passwordUsable ? password : null, sessionSecret: passwordUsable ? sessionSecret : null, token };
}

let loggedInvalidEnv = false;

export function adminConfig(): AdminConfig {
  try {
    return adminConfigFrom(env());
  } catch (err) {
    if (err instanceof EnvError) {
      // Which variable is wrong goes to the server log (names and rules only, never values), not to visitors.
      if (!loggedInvalidEnv) logger.error({ err: err.message }, "admin is off: invalid environment");
      loggedInvalidEnv = true;
      return { enabled: false, reason: "Admin is off: the server's environment is invalid; the server log names the variable to fix." };
    }
    throw err;
  }
}
