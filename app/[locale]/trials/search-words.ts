import type en from "@/lib/i18n/messages/en/trials.json";

// The shape of the search page's words (the `trials` catalogue) as the server hands them to the client
// island (./help.ts): plain strings with `{name}` placeholders, and `{ one, other }` pairs where a count
// picks the form. Types only: nothing of the catalogue reaches the browser through this module.

type Catalogue = typeof en;
export type SearchWords = Pick<Catalogue, "filters" | "panel" | "header" | "pager" | "state" | "card" | "map" | "paramErrors">;
/** A message in two forms, picked by a count (English and Spanish: `one` for exactly 1). */
export type CountForms = { one: string; other: string };
