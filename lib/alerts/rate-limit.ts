import { createHmac, randomBytes } from "node:crypto";
import { FailureLimiter } from "../admin/rate-limit";

/**
 * Subscribe requests per address and per client address (SPEC §10), counted in memory per process.
 * Addresses are keyed by an HMAC under a key made at start, so not even a hash of an address is kept
 * beyond the hour, and nothing about an address reaches storage before it has an alert.
 */
export const SUBSCRIBE_LIMITS = { perAddress: 3, perClient: 10, windowMs: 3600_000 };

type Limiters = { address: FailureLimiter; client: FailureLimiter; key: Buffer };
const KEY = Symbol.for("dtf.alerts.limiters");

function limiters(): Limiters {
  const g = globalThis as { [KEY]?: Limiters };
  g[KEY] ??= {
    address: new FailureLimiter({ perClient: SUBSCRIBE_LIMITS.perAddress, global: Number.MAX_SAFE_INTEGER, windowMs: SUBSCRIBE_LIMITS.windowMs }),
    client: new FailureLimiter({ perClient: SUBSCRIBE_LIMITS.perClient, global: Number.MAX_SAFE_INTEGER, windowMs: SUBSCRIBE_LIMITS.windowMs }),
    key: randomBytes(32),
  };
  return g[KEY];
}

export type SubscribeLimit = { ok: true } | { ok: false; who: "client" | "address"; retryAfterSeconds: number };

/** Counts one subscribe request and says whether it may go ahead. */
export function takeSubscribe(email: string, client: string, now = Date.now()): SubscribeLimit {
  const l = limiters();
  const addressKey = createHmac("sha256", l.key).update(email).digest("base64url");
  const byClient = l.client.check(client, now);
  if (!byClient.allowed) return { ok: false, who: "client", retryAfterSeconds: byClient.retryAfterSeconds };
  l.client.fail(client, now);
  const byAddress = l.address.check(addressKey, now);
  if (!byAddress.allowed) return { ok: false, who: "address", retryAfterSeconds: byAddress.retryAfterSeconds };
  l.address.fail(addressKey, now);
  return { ok: true };
}

export function resetSubscribeLimits() {
  const l = limiters();
  l.address.reset();
  l.client.reset();
}
