import { escapeHtml } from "../feeds/atom";
import { translatorFor } from "../i18n/messages";
import { localePath, type Locale } from "../i18n/paths";
import type { DigestEntry } from "./schema";

// The alert emails (SPEC §10): plain text and HTML, the HTML built from escaped record text, in the
// language the alert was asked for (its `locale`), with links to that language's pages. Trial titles
// are record text; change sentences were written in the alert's language when the digest was queued,
// with the record's own words (place names, intervention names) kept apart so the HTML marks them English.

export type MailParts = { subject: string; text: string; html: string; headers: Record<string, string> };

const searchDescription = (query: string, all: string) => (query ? decodeURIComponent(query.replace(/\+/g, " ")).replace(/&/g, " · ") : all);

/** RFC 8058 one-click unsubscribe headers; the body link goes to a page with a button (link scanners must not unsubscribe anyone). */
function unsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function html(locale: Locale, paragraphs: string[]): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.4">${paragraphs.join("")}</body></html>`;
}

/** Record text (English) inside a mail in another language is marked as English for screen readers. */
const recordText = (locale: Locale, escaped: string) => (locale === "en" ? escaped : `<span lang="en">${escaped}</span>`);

/** A change sentence: its record parts marked English; an old digest without parts is all record text, as it was stored. */
const summaryHtml = (locale: Locale, e: DigestEntry) =>
  e.parts ? e.parts.map((p) => (typeof p === "string" ? escapeHtml(p) : recordText(locale, escapeHtml(p.en)))).join("") : recordText(locale, escapeHtml(e.summary));

export type Links = { origin: string; unsubscribeToken: string; locale?: Locale };
const page = (l: Links, path: string) => `${l.origin}${localePath(l.locale ?? "en", path)}`;
const unsubscribePage = (l: Links) => page(l, `/alerts/unsubscribe?token=${l.unsubscribeToken}`);
// The one-click address is the API's, the same in every language.
const oneClick = (l: Links) => `${l.origin}/api/alerts/unsubscribe?token=${l.unsubscribeToken}`;
const searchPage = (l: Links, query: string) => page(l, `/trials${query ? `?${query}` : ""}`);

export function confirmationMail(opts: Links & { query: string; confirmToken: string }): MailParts {
  const locale = opts.locale ?? "en";
  const t = translatorFor(locale, "alerts");
  const searchUrl = searchPage(opts, opts.query);
  const confirmUrl = page(opts, `/alerts/confirm?token=${opts.confirmToken}`);
  const search = searchDescription(opts.query, t("mail.allTrials"));
  const text = [
    t("mail.confirmIntro"),
    `${search}\n${searchUrl}`,
    `${t("mail.confirmAction")}\n${confirmUrl}`,
    t("mail.confirmIgnore"),
    `${t("mail.unsubscribe")}: ${unsubscribePage(opts)}`,
  ].join("\n\n");
  const body = html(locale, [
    `<p>${escapeHtml(t("mail.confirmIntro"))}</p>`,
    `<p><a href="${escapeHtml(searchUrl)}">${escapeHtml(search)}</a></p>`,
    `<p>${escapeHtml(t("mail.confirmAction"))}<br><a href="${escapeHtml(confirmUrl)}">${escapeHtml(confirmUrl)}</a></p>`,
    `<p>${escapeHtml(t("mail.confirmIgnore"))}</p>`,
    `<p><a href="${escapeHtml(unsubscribePage(opts))}">${escapeHtml(t("mail.unsubscribe"))}</a></p>`,
  ]);
  return { subject: t("mail.confirmSubject"), text, html: body, headers: unsubscribeHeaders(oneClick(opts)) };
}

export function digestMail(opts: Links & { query: string; entries: DigestEntry[] }): MailParts {
  const locale = opts.locale ?? "en";
  const t = translatorFor(locale, "alerts");
  const searchUrl = searchPage(opts, opts.query);
  const trialUrl = (e: DigestEntry) => page(opts, `/trials/${e.nctId}`);
  const search = searchDescription(opts.query, t("mail.allTrials"));
  // Titles (and the record's words inside change sentences) are in English whatever the mail's language: say so once.
  const note = locale === "en" ? [] : [translatorFor(locale, "common")("recordLanguageNote")];
  const text = [
    t("mail.digestIntro"),
    ...opts.entries.map((e) => `* ${e.title} (${e.nctId})\n  ${e.summary}\n  ${trialUrl(e)}`),
    ...note,
    `${t("mail.search")}: ${search}\n${searchUrl}`,
    t("mail.footer"),
    `${t("mail.unsubscribe")}: ${unsubscribePage(opts)}`,
  ].join("\n\n");
  const body = html(locale, [
    `<p>${escapeHtml(t("mail.digestIntro"))}</p>`,
    `<ul>${opts.entries
      .map((e) => `<li><a href="${escapeHtml(trialUrl(e))}">${recordText(locale, escapeHtml(e.title))}</a> (${escapeHtml(e.nctId)})<br>${summaryHtml(locale, e)}</li>`)
      .join("")}</ul>`,
    ...note.map((n) => `<p>${escapeHtml(n)}</p>`),
    `<p>${escapeHtml(t("mail.search"))}: <a href="${escapeHtml(searchUrl)}">${escapeHtml(search)}</a></p>`,
    `<p>${escapeHtml(t("mail.footer"))}</p>`,
    `<p><a href="${escapeHtml(unsubscribePage(opts))}">${escapeHtml(t("mail.unsubscribe"))}</a></p>`,
  ]);
  return { subject: t("mail.digestSubject", { count: opts.entries.length }), text, html: body, headers: unsubscribeHeaders(oneClick(opts)) };
}
