import { createHash } from "node:crypto";
import { BadRequest, compareRefs, type Ref, type SortSpec } from "./query";

/**
 * Page tokens: opaque base64url of [hash of the first page's parameters, last id served, its sort
 * values]. A later page resumes after that study in sort order, so a study added or removed
 * between pages does not shift the others (the real API's tokens are cursors as well). The hash
 * makes a token used with different parameters a 400, as the API requires every later page to
 * repeat the first page's parameters (except countTotal, pageSize and pageToken).
 */

const paramsHash = (key: string) => createHash("sha256").update(key).digest("base64url").slice(0, 12);

export function encodeToken(key: string, last: Pick<Ref, "id" | "sortKey">): string {
  return Buffer.from(JSON.stringify([paramsHash(key), last.id, ...last.sortKey.map((v) => v ?? null)])).toString("base64url");
}

type Cursor = Pick<Ref, "id" | "sortKey">;

export function decodeToken(token: string, key: string, sortFields: number): Cursor {
  let parts: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error("not base64url");
    parts = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new BadRequest(`invalid \`pageToken\`: ${token}`);
  }
  const ok = (p: unknown): p is Array<string | null> =>
    Array.isArray(p) &&
    p.length === 2 + sortFields &&
    typeof p[0] === "string" &&
    typeof p[1] === "string" &&
    p.slice(2).every((v) => v === null || typeof v === "string");
  if (!ok(parts)) throw new BadRequest(`invalid \`pageToken\`: ${token}`);
  if (parts[0] !== paramsHash(key)) throw new BadRequest("`pageToken` does not belong to these parameters: every later page must repeat the first page's parameters");
  return { id: parts[1] as string, sortKey: (parts.slice(2) as Array<string | null>).map((v) => v ?? undefined) };
}

/** Index of the first ref after the cursor (refs are sorted by `compareRefs`). */
function startAfter(refs: Ref[], sort: SortSpec[], cursor: Cursor): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareRefs(sort, refs[mid]!, cursor) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type Page = { refs: Ref[]; nextPageToken: string | null; quirk: boolean };

/**
 * One page. With `exactFullLastPageQuirk` a full last page still carries a nextPageToken, and
 * following it gives `{"studies":[]}`: the behaviour the real API is reported to have.
 */
export function pageOf(refs: Ref[], opts: { key: string; sort: SortSpec[]; pageSize: number; pageToken: string | null; quirk: boolean }): Page {
  const start = opts.pageToken === null ? 0 : startAfter(refs, opts.sort, decodeToken(opts.pageToken, opts.key, opts.sort.length));
  const slice = refs.slice(start, start + opts.pageSize);
  const more = start + slice.length < refs.length;
  const quirk = !more && opts.quirk && slice.length === opts.pageSize && slice.length > 0;
  const last = slice[slice.length - 1];
  return { refs: slice, nextPageToken: (more || quirk) && last ? encodeToken(opts.key, last) : null, quirk };
}
