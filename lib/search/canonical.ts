import { parseSearch, serializeSearch } from "./schema";

// Equal searches have equal URLs (SPEC §6). A GET form (the home page's one-step search, the /trials
// filters without JavaScript) sends every field, empty ones and defaults included; /trials answers
// such a query with a redirect to the canonical URL of the same search. A query with a bad parameter
// is not redirected: its page shows what was wrong.

type Input = Record<string, string | string[] | undefined>;

function entries(input: Input): [string, string][] {
  return Object.entries(input).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((one): [string, string] => [k, one])));
}

/** The canonical /trials URL when `input` is a different spelling of a valid search; null when it is already canonical or has errors. */
export function canonicalRedirect(input: Input, path = "/trials"): string | null {
  const { filters, errors } = parseSearch(input);
  if (errors.length) return null;
  const qs = serializeSearch(filters);
  const want = [...new URLSearchParams(qs)];
  const got = entries(input);
  const same = want.length === got.length && want.every(([k, v], i) => got[i]![0] === k && got[i]![1] === v);
  return same ? null : qs ? `${path}?${qs}` : path;
}
