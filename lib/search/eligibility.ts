// ClinicalTrials.gov eligibility text is loose markdown: "Inclusion Criteria:" / "Exclusion
// Criteria:" headings, then "* ", "- " or "1. " items, sometimes nested by indentation. It is parsed
// into plain blocks that the page renders as React text and lists: nothing in it can become HTML.

export type EligibilityBlock = { heading: string | null; kind: "inclusion" | "exclusion" | "other"; items: { text: string; depth: number }[]; paragraphs: string[] };

// Record text is hostile input: every pattern here runs in time linear in the line (no two adjacent
// quantifiers can share characters), and the heading pattern only ever sees a short trimmed line.
// The old heading pattern (`\s*\**\s*:?\s*\**\s*$`) took 30 s on a heading followed by 400 spaces.
const HEADING = /^[#*\s]*((?:key\s+)?(inclusion|exclusion)\s+criteria|[A-Z][^:*]{0,60}criteria)[\s*:]*$/i;
const HEADING_MAX_CHARS = 120;
const ITEM = /^(\s*)(?:[*\-•·]|\d{1,2}[.)]|[a-z][.)])\s+(.*)$/i;

export function parseEligibility(text: string | null | undefined): EligibilityBlock[] {
  if (!text?.trim()) return [];
  const blocks: EligibilityBlock[] = [];
  let current: EligibilityBlock = { heading: null, kind: "other", items: [], paragraphs: [] };
  const flush = () => {
    if (current.heading || current.items.length || current.paragraphs.length) blocks.push(current);
  };
  for (const rawLine of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.replace(/\\([>*\-.#_\\[\]()])/g, "$1");
    if (!line.trim()) continue;
    const trimmed = line.trim();
    const h = trimmed.length <= HEADING_MAX_CHARS ? HEADING.exec(trimmed) : null;
    if (h) {
      flush();
      const kind = h[2] ? (h[2].toLowerCase() as "inclusion" | "exclusion") : "other";
      current = { heading: h[1]!.trim(), kind, items: [], paragraphs: [] };
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      current.items.push({ text: item[2]!.trim(), depth: Math.min(3, Math.floor(item[1]!.replace(/\t/g, "    ").length / 2)) });
    } else if (current.items.length && /^\s{2,}/.test(line)) {
      // A wrapped continuation of the previous item.
      const last = current.items[current.items.length - 1]!;
      last.text = `${last.text} ${line.trim()}`;
    } else {
      current.paragraphs.push(line.trim());
    }
  }
  flush();
  return blocks;
}
