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
    /** Map background tiles, a {z}/{x}/{y} URL template; empty turns the background off (markers still show). */
    MAP_TILE_URL: z
      .string()
      .trim()
      .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
      .refine((v) => v === "" || (/^https?:\/\//.test(v) && ["{z}", "{x}", "{y}"].every((p) => v.includes(p))), {
        message: "must be empty or an http(s) URL template with {z}, {x} and {y}",
      }),
    MAP_TILE_ATTRIBUTION: z.string().trim().default("© OpenStreetMap contributors"),
    /** "off" makes every search run its SQL (the search benchmark measures both). */
    SEARCH_CACHE: z.enum(["on", "off"]).default("on"),
    PGLITE_DIR: z.string().default(".data/pglite"),
    /** Where the site is reached, for links in feeds and emails (SPEC §10); defaults to http://localhost:PORT. */
    PUBLIC_URL: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
        .optional()
        .transform((v) => v?.replace(/\/+$/, "")),
    ),
    /** SMTP server for email alerts (smtp:// or smtps://); unset turns alerts off (feeds still work). */
    SMTP_URL: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()))
      .refine((v) => v === undefined || (/^smtps?:\/\//.test(v) && URL.canParse(v)), { message: "must be an smtp:// or smtps:// URL" }),
    /** The From address of alert emails, e.g. "Disc Trial Finder <alerts@example.org>". */
    ALERTS_FROM: z.string().trim().min(3).default("Disc Trial Finder <alerts@localhost>"),
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

export type MapTiles = { url: string; attribution: string; origin: string | null };

/**
 * The map settings alone, so a bad unrelated variable cannot break the finder page; a bad
 * MAP_TILE_URL turns the background off. `origin` is what the Content-Security-Policy allows for images.
 */
export function mapTiles(source: Record<string, string | undefined> = process.env): MapTiles {
  const parsed = envSchema.safeParse({ MAP_TILE_URL: source.MAP_TILE_URL, MAP_TILE_ATTRIBUTION: source.MAP_TILE_ATTRIBUTION });
  const url = parsed.success ? parsed.data.MAP_TILE_URL : "";
  const attribution = parsed.success ? parsed.data.MAP_TILE_ATTRIBUTION : "";
  if (!url) return { url: "", attribution, origin: null };
  // "{s}.tile.example.org" style subdomains become a wildcard host.
  const probe = new URL(url.replace(/\{s\}/g, "a").replace(/\{[a-z]+\}/g, "0"));
  const origin = url.includes("{s}") ? `${probe.protocol}//*.${probe.host.split(".").slice(1).join(".")}` : probe.origin;
  return { url, attribution, origin };
}

/** Whether search results may be cached (SEARCH_CACHE, default on). */
export function searchCacheEnabled(source: Record<string, string | undefined> = process.env): boolean {
  return source.SEARCH_CACHE?.trim() !== "off";
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
