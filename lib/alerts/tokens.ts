import { createHash, randomBytes } from "node:crypto";

/** A random single-purpose token: the value goes into one email, only its hash is stored. */
export function newToken(): { value: string; hash: string } {
  const value = randomBytes(32).toString("base64url");
  return { value, hash: hashToken(value) };
}

export function hashToken(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Confirmation links expire; unsubscribe links work for as long as the alert exists. */
export const CONFIRM_TTL_MS = 48 * 3600_000;
