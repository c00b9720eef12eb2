import { createTranslator } from "next-intl";
import type { Locale } from "./paths";
import enAlerts from "./messages/en/alerts.json" with { type: "json" };
import enCommon from "./messages/en/common.json" with { type: "json" };
import enError from "./messages/en/error.json" with { type: "json" };
import enEligibility from "./messages/en/eligibility.json" with { type: "json" };
import enErrors from "./messages/en/errors.json" with { type: "json" };
import enHome from "./messages/en/home.json" with { type: "json" };
import enLabels from "./messages/en/labels.json" with { type: "json" };
import enLearn from "./messages/en/learn.json" with { type: "json" };
import enTrial from "./messages/en/trial.json" with { type: "json" };
import enTrials from "./messages/en/trials.json" with { type: "json" };
import esAlerts from "./messages/es/alerts.json" with { type: "json" };
import esCommon from "./messages/es/common.json" with { type: "json" };
import esError from "./messages/es/error.json" with { type: "json" };
import esEligibility from "./messages/es/eligibility.json" with { type: "json" };
import esErrors from "./messages/es/errors.json" with { type: "json" };
import esHome from "./messages/es/home.json" with { type: "json" };
import esLabels from "./messages/es/labels.json" with { type: "json" };
import esLearn from "./messages/es/learn.json" with { type: "json" };
import esTrial from "./messages/es/trial.json" with { type: "json" };
import esTrials from "./messages/es/trials.json" with { type: "json" };

/**
 * The message catalogues (ICU message syntax, read by next-intl), one file per namespace and
 * language under messages/<locale>/<namespace>.json. The Spanish ones are written for patients,
 * not word for word; tests/unit/i18n-catalogues.test.ts fails when a key exists in one language
 * and not the other.
 */
const CATALOGUES = {
  en: { common: enCommon, error: enError, home: enHome, trials: enTrials, trial: enTrial, eligibility: enEligibility, labels: enLabels, learn: enLearn, alerts: enAlerts, errors: enErrors },
  es: { common: esCommon, error: esError, home: esHome, trials: esTrials, trial: esTrial, eligibility: esEligibility, labels: esLabels, learn: esLearn, alerts: esAlerts, errors: esErrors },
} as const;

export type Messages = (typeof CATALOGUES)["en"];
export type Namespace = keyof Messages;
export const NAMESPACES = Object.keys(CATALOGUES.en) as Namespace[];

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale] as Messages;
}

/**
 * A translator outside a page render (emails from the sync job, the CSV, lib code given a locale):
 * next-intl's own createTranslator over the same catalogues.
 */
export function translatorFor<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace, timeZone: "UTC" });
}
