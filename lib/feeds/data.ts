import "server-only";
import { createHash } from "node:crypto";
import { storedFieldsSchema } from "../changes/schema";
import type { PrismaClient } from "../generated/prisma/client";
import { cached } from "../search/cache";
import { matchKey, type PreparedSearch } from "../search/run";
import { serializeSearch } from "../search/schema";
import { newestChangesSql } from "../search/sql";
import { buildAtom, FEED_LIMIT, type FeedRow } from "./atom";

export type AtomFeed = { xml: string; etag: string; lastModified: Date };

/** The feed's rows: the matching trials' newest changes, newest first (SPEC §10). */
export async function feedRows(prisma: PrismaClient, prepared: PreparedSearch, limit = FEED_LIMIT): Promise<FeedRow[]> {
  const q = newestChangesSql(prepared.filters, prepared.place, limit);
  const rows = await prisma.$queryRawUnsafe<{ id: number; nct_id: string; seen_at: Date; fields: unknown; brief_title: string }[]>(q.sql, ...q.params);
  return rows.map((r) => ({
    changeId: r.id,
    nctId: r.nct_id,
    seenAt: r.seen_at,
    title: r.brief_title,
    fields: storedFieldsSchema.safeParse(r.fields).data ?? [],
  }));
}

/** The canonical search a feed is for: what it matches, whatever the page, sort or view in the URL. */
export const feedCanonical = (prepared: PreparedSearch) => serializeSearch({ ...prepared.filters, sort: "relevance", page: 1 }, { withPage: false, withView: false });

/**
 * One search's Atom document, built once per data version through the search cache (a feed reader
 * polling every few minutes then costs a map lookup) and answered from the previous copy while a
 * sync runs, like the search itself.
 */
export function atomFeed(prisma: PrismaClient, prepared: PreparedSearch, origin: string): Promise<AtomFeed> {
  return cached(
    prisma,
    `atom:${origin}|${matchKey(prepared)}`,
    async () => {
      const rows = await feedRows(prisma, prepared);
      const xml = buildAtom({ canonical: feedCanonical(prepared), origin, rows });
      const etag = `"${createHash("sha256").update(xml).digest("base64url").slice(0, 27)}"`;
      return { xml, etag, lastModified: rows[0]?.seenAt ?? new Date(0) };
    },
    { staleWhileSyncing: true },
  );
}
