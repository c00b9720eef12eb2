import { translatorFor } from "../i18n/messages";
import type { Locale } from "../i18n/paths";

// The words of "Follow this search" and its email form, from the alerts catalogue
// (lib/i18n/messages/<locale>/alerts.json). Both are client components: the server page builds these
// plain objects and passes them down, so the browser never loads a catalogue or an i18n runtime.

export type AlertFormText = {
  intro: string;
  emailLabel: string;
  subscribe: string;
  sending: string;
  accepted: string;
  badAddress: string;
  rateLimited: string;
  off: string;
  failed: string;
};

/** `locale` is the page's language, which the alert's emails will be in. */
export type FollowText = { summary: string; feedIntro: string; feedLink: string; form: AlertFormText; locale: Locale };

export function followTextFor(locale: Locale): FollowText {
  const t = translatorFor(locale, "alerts");
  return {
    locale,
    summary: t("follow.summary"),
    feedIntro: t("follow.feedIntro"),
    feedLink: t("follow.feedLink"),
    form: {
      intro: t("form.intro"),
      emailLabel: t("form.emailLabel"),
      subscribe: t("form.subscribe"),
      sending: t("form.sending"),
      accepted: t("form.accepted"),
      badAddress: t("form.badAddress"),
      rateLimited: t("form.rateLimited"),
      off: t("form.off"),
      failed: t("form.failed"),
    },
  };
}
