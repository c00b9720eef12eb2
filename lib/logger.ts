import pino from "pino";

// One logger for every process. Secrets are redacted by path so a careless log call cannot leak them.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "disc-trial-finder" },
  redact: {
    paths: ["password", "token", "secret", "*.password", "*.token", "*.secret", "headers.authorization", "headers.cookie", "databaseUrl", "*.databaseUrl"],
    censor: "[redacted]",
  },
});
