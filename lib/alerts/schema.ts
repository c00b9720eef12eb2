import { z } from "zod";
import { LOCALES } from "../i18n/paths";

// POST /api/alerts (SPEC §10). The address is checked for shape only: whether it exists is what the
// confirmation email finds out.
export const subscribeBodySchema = z.strictObject({
  email: z.email({ error: "must be an email address" }).max(254, { error: "must be at most 254 characters" }),
  query: z.string({ error: "must be a query string" }).max(2000, { error: "must be at most 2000 characters" }).default(""),
  // The language of the page the request came from: its emails and their links are in it (SPEC §11).
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.map((l) => `"${l}"`).join(", ")}` }).default("en"),
});
export type SubscribeBody = z.infer<typeof subscribeBodySchema>;

export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "is not a valid link token" });

/**
 * One trial in a digest. `summary` is the change sentence in the alert's language; `parts` is the same
 * sentence with the record's own words (`{ en }`) apart, so the HTML mail can mark them English.
 * Digests queued before `parts` existed have only `summary`.
 */
export type DigestEntry = { nctId: string; title: string; summary: string; parts?: (string | { en: string })[] };
export const digestEntriesSchema = z.array(
  z.object({ nctId: z.string(), title: z.string(), summary: z.string(), parts: z.array(z.union([z.string(), z.object({ en: z.string() })])).optional() }),
);

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
