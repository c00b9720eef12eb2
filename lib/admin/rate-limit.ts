/**
 * Failed-login limiter, in memory, per process (docs/decisions/006-admin-auth.md). Two ceilings:
 * failures per client key, and failures across all clients — the second bounds guessing by a client
 * that varies its key (X-Forwarded-For is client-supplied when no proxy overwrites it). While a key,
 * or everyone, is over the ceiling every attempt is refused, correct password or not.
 */
export type LimiterOptions = { perClient: number; global: number; windowMs: number };
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const LOGIN_LIMITS: LimiterOptions = { perClient: 5, global: 50, windowMs: 15 * 60_000 };

export class FailureLimiter {
  private failures = new Map<string, number[]>();
  private all: number[] = [];

  constructor(private readonly opts: LimiterOptions) {}

  private prune(now: number) {
    const floor = now - this.opts.windowMs;
    this.all = this.all.filter((t) => t > floor);
    for (const [key, times] of this.failures) {
      const kept = times.filter((t) => t > floor);
      if (kept.length) this.failures.set(key, kept);
      else this.failures.delete(key);
    }
  }

  check(key: string, now = Date.now()): LimitDecision {
    this.prune(now);
    const mine = this.failures.get(key) ?? [];
    const blockedBy = mine.length >= this.opts.perClient ? mine : this.all.length >= this.opts.global ? this.all : null;
    if (!blockedBy) return { allowed: true };
    // Allowed again when the oldest failure counted against the ceiling leaves the window.
    const oldest = blockedBy[blockedBy.length - (blockedBy === mine ? this.opts.perClient : this.opts.global)]!;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.opts.windowMs - now) / 1000)) };
  }

  fail(key: string, now = Date.now()) {
    const mine = this.failures.get(key) ?? [];
    mine.push(now);
    this.failures.set(key, mine);
    this.all.push(now);
  }

  succeed(key: string) {
    this.failures.delete(key);
  }

  reset() {
    this.failures.clear();
    this.all = [];
  }
}

// One limiter per server process, even if the bundler gives route modules their own module copies.
const KEY = Symbol.for("dtf.admin.loginLimiter");
export function loginLimiter(): FailureLimiter {
  const g = globalThis as { [KEY]?: FailureLimiter };
  g[KEY] ??= new FailureLimiter(LOGIN_LIMITS);
  return g[KEY];
}
