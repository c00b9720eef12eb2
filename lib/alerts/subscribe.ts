import type { PrismaClient } from "../generated/prisma/client";
import type { Place } from "../geo/resolve";
import type { Locale } from "../i18n/paths";
import { logger } from "../logger";
import type { AlertsConfig } from "./config";
import { confirmationMail } from "./messages";
import { subscribe } from "./mutations";
import { sendMail } from "./smtp";
import { scrubAddresses } from "./digests";

/**
 * Records the request and mails the confirmation link. The caller answers 202 whatever happened
 * here, so nobody learns from the answer whether an address is known, already confirmed, or even
 * reachable. The address is never logged.
 */
export async function requestAlert(prisma: PrismaClient, config: Extract<AlertsConfig, { enabled: true }>, email: string, query: string, place: Place | null, locale: Locale = "en"): Promise<void> {
  const result = await subscribe(prisma, email, query, place, locale);
  if ("alreadyConfirmed" in result) return;
  const mail = confirmationMail({ origin: config.origin, unsubscribeToken: result.unsubscribeToken, query, confirmToken: result.confirmToken, locale });
  try {
    await sendMail(config.smtpUrl, config.from, { to: email.trim(), ...mail });
  } catch (err) {
    logger.warn({ alertId: result.alertId, err: scrubAddresses((err as Error).message) }, "confirmation email not sent");
  }
}
