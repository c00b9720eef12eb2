import type { Labels } from "../search/labels";
import { messagesFor } from "./messages";
import type { Locale } from "./paths";

/**
 * The slug tables (lib/search/labels.ts LABELS) and the flags' names and explanations in a language:
 * what the server hands the client island as props, so the browser gets words, not an i18n runtime.
 */
export function labelsFor(locale: Locale): Labels {
  const m = messagesFor(locale).labels;
  return { therapy: m.therapy, source: m.source, donor: m.donor, route: m.route, phase: m.phase, status: m.status, sort: m.sort, phaseWords: m.phaseWords };
}

export function flagsFor(locale: Locale): Record<string, { label: string; explanation: string }> {
  return messagesFor(locale).labels.flags;
}
