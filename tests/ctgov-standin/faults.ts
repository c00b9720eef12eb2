import { z } from "zod";
import { mulberry32 } from "../../lib/prng";

/**
 * Fault switches. Every API request draws the same five random numbers from a seeded generator,
 * whatever the switches are, so a given seed and request sequence always gives the same faults.
 */
export const faultsSchema = z.strictObject({
  /** 0..1: share of API requests answered with a 5xx from `failStatuses`. */
  failRate: z.number().min(0).max(1),
  failStatuses: z.array(z.union([z.literal(500), z.literal(502), z.literal(503)])).min(1),
  /** Seed of the fault generator; setting it restarts the sequence. */
  seed: z.number().int(),
  /** The next N API requests get 429 (counts down). */
  rateLimitNext: z.number().int().min(0),
  /** At most this many API requests per window; the rest get 429. null = no limit. */
  rateLimitMax: z.number().int().min(0).nullable(),
  rateLimitWindowMs: z.number().int().min(1),
  /** Value of the Retry-After header (seconds) on 429. */
  retryAfterSeconds: z.number().int().min(0),
  latencyMs: z.number().min(0),
  latencySpikeRate: z.number().min(0).max(1),
  latencySpikeMs: z.number().min(0),
  /** 0..1: share of API responses whose socket is destroyed after half the body was sent. */
  resetRate: z.number().min(0).max(1),
  /** 0..1: share of 200 responses whose JSON body is cut in half (sent whole as far as HTTP is concerned). */
  truncateRate: z.number().min(0).max(1),
  /** This study is served schema-invalid (see brokenStudyMode), in lists and alone. */
  brokenStudy: z.string().regex(/^NCT\d{8}$/).nullable(),
  /** missing-nct-id: identificationModule.nctId removed; bad-date: lastUpdatePostDateStruct.date "not a date"; wrong-type: designModule.phases a string. */
  brokenStudyMode: z.enum(["missing-nct-id", "bad-date", "wrong-type"]),
  /** A raw object added at the end of the first page of every /studies listing. */
  injectStudy: z.record(z.string(), z.unknown()).nullable(),
  /** Raw JSON text added verbatim to that page: for records JSON.stringify cannot write (nested thousands of levels deep). */
  injectStudyJson: z.string().max(20_000_000).nullable(),
  exactFullLastPageQuirk: z.boolean(),
});

export type Faults = z.infer<typeof faultsSchema>;
export const partialFaultsSchema = faultsSchema.partial();

export const DEFAULT_FAULTS: Faults = {
  failRate: 0,
  failStatuses: [500, 502, 503],
  seed: 1,
  rateLimitNext: 0,
  rateLimitMax: null,
  rateLimitWindowMs: 60_000,
  retryAfterSeconds: 1,
  latencyMs: 0,
  latencySpikeRate: 0,
  latencySpikeMs: 0,
  resetRate: 0,
  truncateRate: 0,
  brokenStudy: null,
  brokenStudyMode: "missing-nct-id",
  injectStudy: null,
  injectStudyJson: null,
  exactFullLastPageQuirk: false,
};

export type FaultCounts = {
  failed: number;
  rateLimited: number;
  reset: number;
  truncated: number;
  delayed: number;
  spikes: number;
  brokenServed: number;
  injectedServed: number;
  quirkTokens: number;
};

export type Stats = {
  requests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  faults: FaultCounts;
  control: number;
};

export function emptyStats(): Stats {
  return {
    requests: 0,
    byRoute: {},
    byStatus: {},
    faults: { failed: 0, rateLimited: 0, reset: 0, truncated: 0, delayed: 0, spikes: 0, brokenServed: 0, injectedServed: 0, quirkTokens: 0 },
    control: 0,
  };
}

export type Decision = { delayMs: number; spike: boolean; status: 429 | 500 | 502 | 503 | null; reset: boolean; truncate: boolean };

export class FaultEngine {
  faults: Faults = { ...DEFAULT_FAULTS };
  private random = mulberry32(DEFAULT_FAULTS.seed);
  private window: number[] = [];

  set(partial: Partial<Faults>): Faults {
    const checked = partialFaultsSchema.parse(partial);
    this.faults = { ...this.faults, ...checked } as Faults;
    if (checked.seed !== undefined) this.random = mulberry32(checked.seed);
    if (checked.rateLimitMax !== undefined || checked.rateLimitWindowMs !== undefined) this.window = [];
    return this.faults;
  }

  reset(): void {
    this.faults = { ...DEFAULT_FAULTS };
    this.random = mulberry32(DEFAULT_FAULTS.seed);
    this.window = [];
  }

  /** The faults for the next API request (call once per request, in arrival order). */
  decide(now = Date.now()): Decision {
    const f = this.faults;
    const [rSpike, rFail, rStatus, rReset, rTruncate] = [this.random(), this.random(), this.random(), this.random(), this.random()];
    const spike = rSpike < f.latencySpikeRate;
    const d: Decision = { delayMs: f.latencyMs + (spike ? f.latencySpikeMs : 0), spike, status: null, reset: false, truncate: false };
    this.window = this.window.filter((t) => t > now - f.rateLimitWindowMs);
    this.window.push(now);
    if (f.rateLimitNext > 0) {
      f.rateLimitNext--;
      d.status = 429;
    } else if (f.rateLimitMax !== null && this.window.length > f.rateLimitMax) d.status = 429;
    else if (rFail < f.failRate) d.status = f.failStatuses[Math.floor(rStatus * f.failStatuses.length)]!;
    else {
      d.reset = rReset < f.resetRate;
      d.truncate = !d.reset && rTruncate < f.truncateRate;
    }
    return d;
  }
}
