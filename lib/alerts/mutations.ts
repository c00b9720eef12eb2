import type { PrismaClient } from "../generated/prisma/client";
import type { Locale } from "../i18n/paths";
import { normalizeEmail } from "./schema";
import { CONFIRM_TTL_MS, hashToken, newToken } from "./tokens";

// Subscribing, confirming and unsubscribing (SPEC §10). Each is one transaction; tokens are random,
// single-purpose, stored as hashes.

export type Subscribed = { alertId: number; confirmToken: string; unsubscribeToken: string } | { alertId: number; alreadyConfirmed: true };

/**
 * Records (or renews) an unconfirmed alert and makes the tokens for its confirmation email. `locale`
 * is the language of its emails: a renewal takes the language of the latest request, a confirmed
 * alert keeps its own.
 */
export async function subscribe(prisma: PrismaClient, email: string, query: string, place: { lat: number; lon: number } | null = null, locale: Locale = "en"): Promise<Subscribed> {
  const address = normalizeEmail(email);
  return prisma.$transaction(async (tx) => {
    const subscriber = await tx.alertSubscriber.upsert({ where: { email: address }, create: { email: address }, update: {} });
    const alert = await tx.alert.upsert({ where: { subscriberId_query: { subscriberId: subscriber.id, query } }, create: { subscriberId: subscriber.id, query, locale, nearLat: place?.lat ?? null, nearLon: place?.lon ?? null }, update: {} });
    if (alert.confirmedAt) return { alertId: alert.id, alreadyConfirmed: true as const };
    // Renewed: the two days to confirm start again.
    await tx.alert.update({ where: { id: alert.id }, data: { createdAt: new Date(), locale } });
    // A new request replaces the previous confirmation link.
    await tx.alertToken.deleteMany({ where: { alertId: alert.id, purpose: "confirm" } });
    const confirm = newToken();
    const unsubscribe = newToken();
    await tx.alertToken.createMany({
      data: [
        { hash: confirm.hash, alertId: alert.id, purpose: "confirm", expiresAt: new Date(Date.now() + CONFIRM_TTL_MS) },
        { hash: unsubscribe.hash, alertId: alert.id, purpose: "unsubscribe" },
      ],
    });
    return { alertId: alert.id, confirmToken: confirm.value, unsubscribeToken: unsubscribe.value };
  });
}

/**
 * Confirms the alert a confirmation token belongs to, once. Its digests start from the changes
 * recorded after this moment: confirming never mails the history.
 */
export async function confirmAlert(prisma: PrismaClient, token: string): Promise<"confirmed" | "invalid"> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.alertToken.findUnique({ where: { hash: hashToken(token) } });
    if (!found || found.purpose !== "confirm" || (found.expiresAt && found.expiresAt < new Date())) return "invalid";
    await tx.alertToken.delete({ where: { hash: found.hash } });
    const newest = await tx.trialChange.aggregate({ _max: { id: true } });
    await tx.alert.update({ where: { id: found.alertId }, data: { confirmedAt: new Date(), cursor: newest._max.id ?? 0 } });
    return "confirmed";
  });
}

/** Deletes the alert an unsubscribe token belongs to, and the address with its last alert. */
export async function unsubscribeAlert(prisma: PrismaClient, token: string): Promise<"unsubscribed" | "invalid"> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.alertToken.findUnique({ where: { hash: hashToken(token) }, include: { alert: true } });
    if (!found || found.purpose !== "unsubscribe") return "invalid";
    await tx.alert.delete({ where: { id: found.alertId } });
    await tx.alertSubscriber.deleteMany({ where: { id: found.alert.subscriberId, alerts: { none: {} } } });
    return "unsubscribed";
  });
}

/** Forgets alerts never confirmed within the link's lifetime, and addresses left with no alert. */
export async function purgeUnconfirmed(prisma: PrismaClient, now = new Date()): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.alert.deleteMany({ where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - CONFIRM_TTL_MS) } } });
    await tx.alertSubscriber.deleteMany({ where: { alerts: { none: {} } } });
    return count;
  });
}
