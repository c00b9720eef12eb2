/**
 * Failed-login limiter, in memory, per process (docs/decisions/006-admin-auth.md, 019-server-sessions.md).
 * Two ceilings: failures per client key (the real client address, lib/admin/client-address.ts, or a
 * known device), and failures across all clients, which bounds guessing from many addresses at once.
 * While a key is over its ceiling every attempt from it is refused, correct password or not. A known
 * device (a browser that logged in before, proven by a signed cookie) is held to its own ceiling only,
 * so an attack that fills the shared ceiling cannot lock the real admin out.
 */
export type LimiterOptions = { perClient: number; global: number; windowMs: number };
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const LOGIN_LIMITS: LimiterOptions = { perClient: 5, global: 50, windowMs: 15 * 60_000 };

/** Keys remembered at most: an attacker with many addresses cannot grow the map without bound. */
export const MAX_TRACKED_KEYS = 10_000;

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

  check(key: string, now = Date.now(), opts: { knownDevice?: boolean } = {}): LimitDecision {
    this.prune(now);
    const mine = this.failures.get(key) ?? [];
    const overGlobal = !opts.knownDevice && this.all.length >= this.opts.global;
    const blockedBy = mine.length >= this.opts.perClient ? mine : overGlobal ? this.all : null;
    if (!blockedBy) return { allowed: true };
    // Allowed again when the oldest failure counted against the ceiling leaves the window.
    const oldest = blockedBy[blockedBy.length - (blockedBy === mine ? this.opts.perClient : this.opts.global)]!;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.opts.windowMs - now) / 1000)) };
  }

  fail(key: string, now = Date.now()) {
    const mine = this.failures.get(key) ?? [];
    mine.push(now);
    if (mine.length > this.opts.perClient) mine.splice(0, mine.length - this.opts.perClient);
    if (!this.failures.has(key) && this.failures.size >= MAX_TRACKED_KEYS) {
      // Forget the least recently failing key (Map order is insertion order; a key re-inserts below).
      this.failures.delete(this.failures.keys().next().value!);
    }
    this.failures.delete(key);
    this.failures.set(key, mine);
    this.all.push(now);
    if (this.all.length > this.opts.global) this.all.splice(0, this.all.length - this.opts.global);
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
