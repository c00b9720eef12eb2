import { env } from "../env";
import { publicOrigin } from "../feeds/origin";

export type AlertsConfig = { enabled: false } | { enabled: true; smtpUrl: string; from: string; origin: string };

/** Alerts are on when SMTP_URL is set (SPEC §10); feeds work either way. */
export function alertsConfig(): AlertsConfig {
  const e = env();
  if (!e.SMTP_URL) return { enabled: false };
  return { enabled: true, smtpUrl: e.SMTP_URL, from: e.ALERTS_FROM, origin: publicOrigin() };
}
