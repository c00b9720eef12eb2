import { escapeHtml } from "../feeds/atom";
import type { DigestEntry } from "./schema";

// The alert emails (SPEC §10): plain text and HTML, the HTML built from escaped record text. Wording
// kept here, phrase by phrase, for a later translation catalog.

const TEXT = {
  confirmSubject: "Confirm your trial alert",
  confirmIntro: "Someone (we hope you) asked Disc Trial Finder to email this address when trials matching a search are added or change:",
  confirmAction: "To start the alerts, open this link and press the button:",
  confirmIgnore: "If you did not ask for this, ignore this email: nothing more will be sent, and the address is deleted within two days.",
  digestSubject: (n: number) => `Trial alert: ${n} ${n === 1 ? "trial" : "trials"} new or changed`,
  digestIntro: "These trials matching your search were added or changed on ClinicalTrials.gov:",
  search: "Your search",
  unsubscribe: "Stop these emails",
  footer: "Disc Trial Finder informs; it does not give medical advice. Talk with your doctor about any trial.",
};

export type MailParts = { subject: string; text: string; html: string; headers: Record<string, string> };

const searchDescription = (query: string) => (query ? decodeURIComponent(query.replace(/\+/g, " ")).replace(/&/g, " · ") : "all listed trials");

/** RFC 8058 one-click unsubscribe headers; the body link goes to a page with a button (link scanners must not unsubscribe anyone). */
function unsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function html(paragraphs: string[]): string {
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">${paragraphs.join("")}</body></html>`;
}

export type Links = { origin: string; unsubscribeToken: string };
const unsubscribePage = (l: Links) => `${l.origin}/alerts/unsubscribe?token=${l.unsubscribeToken}`;
const oneClick = (l: Links) => `${l.origin}/api/alerts/unsubscribe?token=${l.unsubscribeToken}`;

export function confirmationMail(opts: Links & { query: string; confirmToken: string }): MailParts {
  const searchUrl = `${opts.origin}/trials${opts.query ? `?${opts.query}` : ""}`;
  const confirmUrl = `${opts.origin}/alerts/confirm?token=${opts.confirmToken}`;
  const text = [
    TEXT.confirmIntro,
    `${searchDescription(opts.query)}\n${searchUrl}`,
    `${TEXT.confirmAction}\n${confirmUrl}`,
    TEXT.confirmIgnore,
    `${TEXT.unsubscribe}: ${unsubscribePage(opts)}`,
  ].join("\n\n");
  const body = html([
    `<p>${escapeHtml(TEXT.confirmIntro)}</p>`,
    `<p><a href="${escapeHtml(searchUrl)}">${escapeHtml(searchDescription(opts.query))}</a></p>`,
    `<p>${escapeHtml(TEXT.confirmAction)}<br><a href="${escapeHtml(confirmUrl)}">${escapeHtml(confirmUrl)}</a></p>`,
    `<p>${escapeHtml(TEXT.confirmIgnore)}</p>`,
    `<p><a href="${escapeHtml(unsubscribePage(opts))}">${escapeHtml(TEXT.unsubscribe)}</a></p>`,
  ]);
  return { subject: TEXT.confirmSubject, text, html: body, headers: unsubscribeHeaders(oneClick(opts)) };
}

export function digestMail(opts: Links & { query: string; entries: DigestEntry[] }): MailParts {
  const searchUrl = `${opts.origin}/trials${opts.query ? `?${opts.query}` : ""}`;
  const trialUrl = (e: DigestEntry) => `${opts.origin}/trials/${e.nctId}`;
  const text = [
    TEXT.digestIntro,
    ...opts.entries.map((e) => `* ${e.title} (${e.nctId})\n  ${e.summary}\n  ${trialUrl(e)}`),
    `${TEXT.search}: ${searchDescription(opts.query)}\n${searchUrl}`,
    TEXT.footer,
    `${TEXT.unsubscribe}: ${unsubscribePage(opts)}`,
  ].join("\n\n");
  const body = html([
    `<p>${escapeHtml(TEXT.digestIntro)}</p>`,
    `<ul>${opts.entries.map((e) => `<li><a href="${escapeHtml(trialUrl(e))}">${escapeHtml(e.title)}</a> (${escapeHtml(e.nctId)})<br>${escapeHtml(e.summary)}</li>`).join("")}</ul>`,
    `<p>${escapeHtml(TEXT.search)}: <a href="${escapeHtml(searchUrl)}">${escapeHtml(searchDescription(opts.query))}</a></p>`,
    `<p>${escapeHtml(TEXT.footer)}</p>`,
    `<p><a href="${escapeHtml(unsubscribePage(opts))}">${escapeHtml(TEXT.unsubscribe)}</a></p>`,
  ]);
  return { subject: TEXT.digestSubject(opts.entries.length), text, html: body, headers: unsubscribeHeaders(oneClick(opts)) };
}
