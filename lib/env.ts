import cron from "node-cron";
import { z } from "zod";

// The one place configuration is read. A bad value stops the process with a message naming it.

const cronExpr = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => cron.validate(v), { message: "is not a valid cron expression (5 or 6 fields)" });

const optionalSecret = (min: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v))
    .refine((v) => v === undefined || v.length >= min, { message: `must be at least ${min} characters` });

const intFromEnv = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
      .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), { message: "must start with postgres:// or postgresql://", abort: true })
      .refine((v) => v === undefined || URL.canParse(v), { message: "is not a valid URL (percent-encode special characters in the user name and password)" }),
    // Messages never echo the value: a URL may hold a password.
    CTGOV_BASE_URL: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .default("https://clinicaltrials.gov/api/v2")
      .refine((v) => {
        if (!URL.canParse(v)) return true; // reported by the url check above
        const u = new URL(v);
        return u.username === "" && u.password === "";
      }, { message: "must not contain credentials (user:password@); ClinicalTrials.gov needs none" }),
    /** Default: 15:30 UTC Monday–Friday, after ClinicalTrials.gov's weekday refresh (generally done by 14:00 UTC). */
    SYNC_CRON: cronExpr("30 15 * * 1-5"),
    /** Default: Sunday 04:00 UTC, a weekly full reconciliation of the ID set. */
    SYNC_FULL_CRON: cronExpr("0 4 * * 0"),
    SYNC_OVERLAP_DAYS: intFromEnv(3, 0, 60),
    CTGOV_RATE_LIMIT_PER_MIN: intFromEnv(40, 1, 6000),
    CTGOV_TIMEOUT_MS: intFromEnv(30_000, 100, 600_000),
    CTGOV_MAX_RETRIES: intFromEnv(5, 0, 20),
    CTGOV_PAGE_SIZE: intFromEnv(1000, 1, 1000),
    /** Replaces the topic's query.term (lib/ctgov/topic.ts) when set. */
    CTGOV_TOPIC_TERM: z.string().trim().min(1).optional(),
    ADMIN_PASSWORD: optionalSecret(12),
    ADMIN_TOKEN: optionalSecret(24),
    SESSION_SECRET: optionalSecret(32),
    PORT: intFromEnv(3000, 1, 65535),
    PGLITE_DIR: z.string().default(".data/pglite"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.ADMIN_PASSWORD && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required when ADMIN_PASSWORD is set (it signs admin sessions)" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"} ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (read once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
