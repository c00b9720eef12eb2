import { createHash } from "node:crypto";
import { Feed } from "feed";
import { describeChange } from "../changes/describe";
import type { FieldChange } from "../changes/schema";

// Builds the Atom 1.0 document of one search's feed (SPEC §10) with the `feed` library. Pure: the
// route and the cache hand it rows and URLs.

export const FEED_LIMIT = 50;

export type FeedRow = { changeId: number; nctId: string; seenAt: Date; title: string; fields: FieldChange[] };

/** A stable UUID (name-based, SHA-1, RFC 9562 version 5 layout) for a name: the same search always gets the same feed id. */
export function stableUuid(name: string): string {
  const h = createHash("sha1").update(`disc-trial-finder:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * The library writes titles and summaries as type="html" in CDATA, so record text is escaped as
 * HTML first: a title reading "<b>x</b>" shows as those characters, never as markup (and "]]>" cannot
 * occur, so the CDATA section cannot be broken out of).
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// XML 1.0 forbids most control characters even escaped; record text has been seen with them.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (s: string) => s.replace(XML_INVALID, "").toWellFormed();

export type AtomInput = {
  /** Canonical search (no "?"): the feed id, its title and its links derive from it. */
  canonical: string;
  origin: string;
  rows: FeedRow[];
};

export function buildAtom({ canonical, origin, rows }: AtomInput): string {
  const page = `${origin}/trials${canonical ? `?${canonical}` : ""}`;
  const self = `${origin}/api/trials.atom${canonical ? `?${canonical}` : ""}`;
  const feed = new Feed({
    id: stableUuid(`feed:${canonical}`),
    title: clean(`Disc Trial Finder: ${canonical ? `trials matching ${decodeURIComponent(canonical.replace(/\+/g, " "))}` : "all listed trials"}`),
    description: "Newest changes first: trials that were added, changed status, gained or lost sites, or posted results.",
    link: page,
    feedLinks: { atom: self },
    // With no entries the feed's date is fixed too, so its body (and ETag) stays the same between polls.
    updated: rows[0]?.seenAt ?? new Date(0),
    generator: false,
    language: "en",
  });
  for (const r of rows) {
    feed.addItem({
      id: stableUuid(`change:${r.changeId}`),
      title: escapeHtml(clean(r.title)),
      link: `${origin}/trials/${r.nctId}`,
      date: r.seenAt,
      description: escapeHtml(clean(describeChange(r.fields))),
    });
  }
  return feed.atom1();
}
