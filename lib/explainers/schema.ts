import { z } from "zod";

// The shape of an explainer page. Content is plain data (no React, no HTML) so a reviewer can edit
// words in lib/explainers/pages/*.ts without touching a component, and so tests can read every word
// (reading grade, sources, links) without rendering anything.
//
// Inline text may carry links written as `[link text](/learn/slug#anchor)` or `[text](https://…)`.
// Nothing else is markup: the text is rendered as text, never as HTML (see inline.ts).

const inlineText = z.string().min(1);

/** A section id doubles as the URL anchor: lower-case words joined by hyphens, starting with a letter. */
export const anchorSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, "anchor ids are kebab-case and start with a letter");

export const blockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("paragraph"), text: inlineText }),
  z.object({
    kind: z.literal("list"),
    /** "numbered" for steps in order, "bullet" otherwise. */
    style: z.enum(["bullet", "numbered"]).optional(),
    items: z.array(inlineText).min(1),
  }),
  z.object({
    kind: z.literal("definitions"),
    items: z.array(z.object({ term: inlineText, definition: inlineText })).min(1),
  }),
  z.object({
    kind: z.literal("callout"),
    /** "warning" for things to watch out for; "info" for a side note. */
    tone: z.enum(["info", "warning"]),
    title: inlineText.optional(),
    text: inlineText,
  }),
]);

export const sectionSchema = z.object({
  id: anchorSchema,
  heading: z.string().min(1),
  /** 2 (the default) for a main section, 3 for a sub-section of the section before it. */
  level: z.union([z.literal(2), z.literal(3)]).optional(),
  body: z.array(blockSchema).min(1),
});

export const sourceSchema = z.object({
  name: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  note: z.string().optional(),
});

export const explainerPageSchema = z.object({
  slug: anchorSchema,
  title: z.string().min(1),
  /** One plain line, shown on the /learn index and as the page description. */
  summary: z.string().min(1),
  /** The date a person last checked the page against its sources. */
  lastReviewed: z.iso.date(),
  sections: z.array(sectionSchema).min(1),
  sources: z.array(sourceSchema).min(1),
});

export type Block = z.input<typeof blockSchema>;
export type Section = z.input<typeof sectionSchema>;
export type Source = z.input<typeof sourceSchema>;
export type ExplainerPage = z.input<typeof explainerPageSchema>;
