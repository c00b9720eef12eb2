import pino from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * LOG_LEVEL if it is a known level, otherwise the default. An unknown value must not crash at import
 * with pino's stack trace: env() validation (lib/env.ts) stops the process with a message naming it.
 */
export function logLevelFrom(source: Record<string, string | undefined> = process.env): string {
  const wanted = source.LOG_LEVEL?.trim();
  if (wanted && (LOG_LEVELS as readonly string[]).includes(wanted)) return wanted;
  return source.NODE_ENV === "test" ? "warn" : "info";
}

// One logger for every process. Secrets are redacted by path so a careless log call cannot leak them;
// so are the eligibility answers (health data, SPEC §9) under the names they travel by.
export const loggerOptions: pino.LoggerOptions = {
  level: logLevelFrom(),
  base: { app: "disc-trial-finder" },
  redact: {
    paths: [
      "password",
      "token",
      "secret",
      "*.password",
      "*.token",
      "*.secret",
      "headers.authorization",
      "headers.cookie",
      "*.headers.authorization",
      "*.headers.cookie",
      "databaseUrl",
      "*.databaseUrl",
      "DATABASE_URL",
      "*.DATABASE_URL",
      "ADMIN_PASSWORD",
      "*.ADMIN_PASSWORD",
      "ADMIN_TOKEN",
      "*.ADMIN_TOKEN",
      "SESSION_SECRET",
      "*.SESSION_SECRET",
      // HTTP client errors carry the request config (headers, sometimes credentials).
      "err.config",
      "profile",
      "*.profile",
      "answers",
      "*.answers",
      "body",
      "*.body",
    ],
    censor: "[redacted]",
  },
};

export const logger = pino(loggerOptions);

/** Re-reads LOG_LEVEL (after `.env` was loaded, see jobs/run-main.ts). */
export function applyLogLevel() {
  logger.level = logLevelFrom();
}
