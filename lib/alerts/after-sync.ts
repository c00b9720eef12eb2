import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";
import { alertsConfig } from "./config";
import { deliverPending, queueDigests, type Delivery } from "./digests";
import { purgeUnconfirmed } from "./mutations";

export type AfterSync = { queued: number; purged: number } & Delivery;

/**
 * Runs after a sync has committed (lib/sync/start.ts): forgets unconfirmed alerts past their
 * link's lifetime, queues one digest per confirmed alert with new or changed matches, and sends what
 * is due. Throws only to its caller, which logs it: mail never fails a sync.
 */
export async function afterSync(prisma: PrismaClient, runId: number | null): Promise<AfterSync> {
  const config = alertsConfig();
  const purged = await purgeUnconfirmed(prisma);
  if (!config.enabled) return { queued: 0, purged, sent: 0, retrying: 0, failed: 0 };
  const queued = await queueDigests(prisma, runId);
  const delivery = await deliverPending(prisma, config);
  if (queued || delivery.sent || delivery.retrying || delivery.failed || purged) logger.info({ runId, queued, purged, ...delivery }, "alert digests");
  return { queued, purged, ...delivery };
}

/**
 * The worker's retry tick (lib/sync/scheduler.ts): sends the digests whose retry time has come, so a
 * digest a dead mail server held back goes out without waiting for the next sync. Bounded and
 * never-twice as deliverPending is; logs counts and ids, never an address.
 */
export async function retryDigests(prisma: PrismaClient, signal?: AbortSignal): Promise<Delivery> {
  const config = alertsConfig();
  if (!config.enabled) return { sent: 0, retrying: 0, failed: 0 };
  const delivery = await deliverPending(prisma, config, 500, signal);
  if (delivery.sent || delivery.retrying || delivery.failed) logger.info({ ...delivery }, "alert digest retry");
  return delivery;
}
