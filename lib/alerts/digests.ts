import { describeChangeParts } from "../changes/describe";
import { storedFieldsSchema } from "../changes/schema";
import type { PrismaClient } from "../generated/prisma/client";
import { localeOrDefault } from "../i18n/paths";
import { logger } from "../logger";
import { parseSearch } from "../search/schema";
import { newestChangesSql } from "../search/sql";
import type { AlertsConfig } from "./config";
import { digestMail } from "./messages";
import { digestEntriesSchema, type DigestEntry } from "./schema";
import { sendMail } from "./smtp";
import { newToken } from "./tokens";

/**
 * Digests (SPEC §10), in two steps after each sync commits:
 * 1. queue: for every confirmed alert, the matching trials whose newest change came after the alert's
 *    cursor become one pending digest; queuing it and moving the cursor are one transaction, so a
 *    change lands in at most one digest.
 * 2. deliver: each pending digest is claimed (pending → sending) in its own transaction, sent, then
 *    marked sent. A failed send goes back to pending with a later retry time, at most MAX_ATTEMPTS
 *    times, and none is tried once MAX_AGE_MS old (say mail was off for days: stale news is dropped).
 *    A digest a crash left in "sending" may or may not have gone out: it becomes "unknown" and is
 *    never sent again (never twice wins over at least once).
 * Delivery runs after each sync and on the worker's retry tick (lib/sync/scheduler.ts).
 */

export const DIGEST_LIMIT = 50;
export const MAX_ATTEMPTS = 5;
export const MAX_AGE_MS = 48 * 3600_000;
/** The worker tries due digests this often; each digest's own backoff decides whether it is due. */
export const DIGEST_RETRY_CRON = "* * * * *";
const STALE_SENDING_MS = 10 * 60_000;
const retryDelayMs = (attempts: number) => Math.min(6 * 3600_000, 60_000 * 4 ** attempts);

/** Anything that looks like an email address, out of error text before it is stored or logged. */
export const scrubAddresses = (text: string) => text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[address]");

export async function queueDigests(prisma: PrismaClient, runId: number | null): Promise<number> {
  const newest = (await prisma.trialChange.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const alerts = await prisma.alert.findMany({ where: { confirmedAt: { not: null }, cursor: { lt: newest } }, select: { id: true, query: true, nearLat: true, nearLon: true, locale: true } });
  let queued = 0;
  for (const alert of alerts) {
    // `near` was resolved when the alert was made (the gazetteer is the web process's), so this runs in the worker too.
    const { filters, errors } = parseSearch(new URLSearchParams(alert.query));
    const place = alert.nearLat !== null && alert.nearLon !== null ? { lat: alert.nearLat, lon: alert.nearLon, label: filters.near ?? "" } : null;
    if (filters.near && !place) errors.push({ param: "near", value: filters.near, code: "near-unresolved", message: "near: not resolved when the alert was made" });
    const prepared = { filters, place, errors };
    if (prepared.errors.length) {
      // Stored queries were canonical when saved; one that no longer parses waits rather than mailing a wrong search.
      logger.warn({ alertId: alert.id, errors: prepared.errors.map((e) => e.param) }, "alert search no longer parses; no digest queued");
      continue;
    }
    queued += await prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRawUnsafe<{ cursor: number }[]>(`SELECT cursor FROM alert WHERE id = $1 FOR UPDATE`, alert.id);
      if (!locked || locked.cursor >= newest) return 0;
      const q = newestChangesSql(prepared.filters, prepared.place, DIGEST_LIMIT, { after: locked.cursor, upTo: newest });
      const rows = await tx.$queryRawUnsafe<{ nct_id: string; brief_title: string; fields: unknown }[]>(q.sql, ...q.params);
      // The change sentence in the alert's language, written when queued (the digest stores words, not fields).
      const locale = localeOrDefault(alert.locale);
      const entries: DigestEntry[] = rows.map((r) => {
        const parts = describeChangeParts(storedFieldsSchema.safeParse(r.fields).data ?? [], locale);
        return { nctId: r.nct_id, title: r.brief_title, summary: parts.map((p) => (typeof p === "string" ? p : p.en)).join(""), parts };
      });
      if (entries.length) await tx.alertDigest.create({ data: { alertId: alert.id, runId, entries } });
      await tx.alert.update({ where: { id: alert.id }, data: { cursor: newest } });
      return entries.length ? 1 : 0;
    });
  }
  return queued;
}

export type Delivery = { sent: number; retrying: number; failed: number };

/** Sends the digests that are due. `signal` stops it between two digests (the worker shutting down). */
export async function deliverPending(prisma: PrismaClient, config: AlertsConfig, limit = 500, signal?: AbortSignal): Promise<Delivery> {
  const out: Delivery = { sent: 0, retrying: 0, failed: 0 };
  if (!config.enabled) return out;
  await prisma.alertDigest.updateMany({
    where: { status: "sending", nextAttemptAt: { lt: new Date(Date.now() - STALE_SENDING_MS) } },
    data: { status: "unknown", error: "the process sending it stopped; not sent again in case it went out" },
  });
  const expired = await prisma.alertDigest.updateMany({
    where: { status: "pending", createdAt: { lt: new Date(Date.now() - MAX_AGE_MS) } },
    data: { status: "failed", error: `not sent within ${MAX_AGE_MS / 3600_000} hours; given up` },
  });
  if (expired.count) {
    out.failed += expired.count;
    logger.warn({ digests: expired.count, maxAgeHours: MAX_AGE_MS / 3600_000 }, "digests too old to send; giving up");
  }
  const due = await prisma.alertDigest.findMany({ where: { status: "pending", nextAttemptAt: { lte: new Date() } }, orderBy: { id: "asc" }, take: limit, select: { id: true } });
  for (const { id } of due) {
    if (signal?.aborted) break;
    const claimed = await prisma.$transaction(async (tx) => {
      const n = await tx.alertDigest.updateMany({ where: { id, status: "pending" }, data: { status: "sending", attempts: { increment: 1 }, nextAttemptAt: new Date() } });
      if (n.count !== 1) return null;
      const digest = await tx.alertDigest.findUniqueOrThrow({ where: { id }, include: { alert: { include: { subscriber: true } } } });
      // Each email carries its own unsubscribe token: only hashes are stored, so an old one cannot be re-sent.
      const unsubscribe = newToken();
      await tx.alertToken.create({ data: { hash: unsubscribe.hash, alertId: digest.alertId, purpose: "unsubscribe" } });
      return { digest, unsubscribeToken: unsubscribe.value };
    });
    if (!claimed) continue;
    const { digest, unsubscribeToken } = claimed;
    const locale = localeOrDefault(digest.alert.locale);
    const mail = digestMail({ origin: config.origin, unsubscribeToken, query: digest.alert.query, entries: digestEntriesSchema.parse(digest.entries), locale });
    try {
      await sendMail(config.smtpUrl, config.from, { to: digest.alert.subscriber.email, ...mail, messageId: `<digest-${digest.id}@disc-trial-finder>` });
      await prisma.alertDigest.updateMany({ where: { id, status: "sending" }, data: { status: "sent", sentAt: new Date(), error: null } });
      out.sent++;
    } catch (err) {
      const error = scrubAddresses((err as Error).message).slice(0, 500);
      const failed = digest.attempts >= MAX_ATTEMPTS;
      await prisma.alertDigest.updateMany({
        where: { id, status: "sending" },
        data: { status: failed ? "failed" : "pending", error, nextAttemptAt: new Date(Date.now() + retryDelayMs(digest.attempts)) },
      });
      if (failed) out.failed++;
      else out.retrying++;
      logger.warn({ digestId: id, alertId: digest.alertId, attempts: digest.attempts, err: error }, failed ? "digest not sent; giving up" : "digest not sent; will retry");
    }
  }
  return out;
}
