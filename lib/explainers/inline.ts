// The only inline markup explainer text may use: `[link text](href)`.
// The parser returns plain nodes; components render them as React text and <a>/<Link>, so nothing in
// the content can ever become HTML. An href that is not a site path, an in-page anchor or an http(s)
// URL is not a link: it stays visible as the literal text, and the content tests fail on it.

export type InlineNode = { type: "text"; text: string } | { type: "link"; text: string; href: string };

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;

/** Same-site paths ("/learn/x#y"), in-page anchors ("#y") and absolute http(s) URLs. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith("//")) return false; // protocol-relative: another site
  if (href.startsWith("/") || href.startsWith("#")) return true;
  return /^https?:\/\/[^\s/]+/i.test(href);
}

export function isInternalHref(href: string): boolean {
  return (href.startsWith("/") && !href.startsWith("//")) || href.startsWith("#");
}

export function parseInline(text: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const [whole, label, href] = match;
    if (!label || !href || !isSafeHref(href)) continue;
    if (match.index > last) nodes.push({ type: "text", text: text.slice(last, match.index) });
    nodes.push({ type: "link", text: label, href });
    last = match.index + whole.length;
  }
  if (last < text.length) nodes.push({ type: "text", text: text.slice(last) });
  return nodes;
}

/** The words a reader sees: link markup replaced by its link text. */
export function plainText(text: string): string {
  return parseInline(text)
    .map((n) => n.text)
    .join("");
}

/** Every link written in a piece of text, including unsafe ones (so tests can report them). */
export function linksIn(text: string): { text: string; href: string; safe: boolean }[] {
  return [...text.matchAll(LINK)].map((m) => ({ text: m[1] ?? "", href: m[2] ?? "", safe: isSafeHref(m[2] ?? "") }));
}
