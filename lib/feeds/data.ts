import "server-only";
import { createHash } from "node:crypto";
import { storedFieldsSchema } from "../changes/schema";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";
import { cached } from "../search/cache";
import { indexedNewestChanges } from "../search/index-run";
import { matchKey, type PreparedSearch } from "../search/run";
import { serializeSearch } from "../search/schema";
import { newestChangesSql } from "../search/sql";
import { DATA_VERSION_SQL } from "../sync/data";
import { buildAtom, FEED_LIMIT, type FeedRow } from "./atom";

export type AtomFeed = { xml: string; etag: string; lastModified: Date };

type ChangeRow = { id: number; nct_id: string; seen_at: Date; fields: unknown; brief_title: string };
const toFeedRow = (r: ChangeRow): FeedRow => ({
  changeId: r.id,
  nctId: r.nct_id,
  seenAt: r.seen_at,
  title: r.brief_title,
  fields: storedFieldsSchema.safeParse(r.fields).data ?? [],
});

/**
 * The feed's rows from the search index (lib/search/index-run.ts): which changes, from memory; their
 * fields by primary key in one statement that also reads the data version. Null when the index
 * cannot answer or the version moved in between (SQL answers then, so a feed never mixes two versions).
 */
async function indexedFeedRows(prisma: PrismaClient, prepared: PreparedSearch, limit: number): Promise<FeedRow[] | null> {
  const found = await indexedNewestChanges(prisma, prepared.filters, prepared.place, limit);
  if (!found) return null;
  if (!found.heads.length) return [];
  const rows = await prisma.$queryRawUnsafe<{ v: string; id: number; seen_at: Date; fields: unknown }[]>(
    `SELECT ${DATA_VERSION_SQL} AS v, c.id, c.seen_at, c.fields FROM trial_change c WHERE c.id = ANY($1::int[])`,
    found.heads.map((h) => h.changeId),
  );
  if (rows.length !== found.heads.length || rows.some((r) => r.v !== found.version)) {
    logger.debug({ built: found.version }, "data version moved during an indexed feed; SQL answers");
    return null;
  }
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return found.heads.map((h) => {
    const r = byId.get(h.changeId)!;
    return toFeedRow({ id: h.changeId, nct_id: h.nctId, seen_at: r.seen_at, fields: r.fields, brief_title: h.title });
  });
}

/** The feed's rows: the matching trials' newest changes, newest first (SPEC §10). From the search index when it is ready, else SQL. */
export async function feedRows(prisma: PrismaClient, prepared: PreparedSearch, limit = FEED_LIMIT): Promise<FeedRow[]> {
  const fromIndex = await indexedFeedRows(prisma, prepared, limit).catch((err: unknown) => {
    logger.warn({ err: (err as Error).message }, "search index failed for a feed; SQL answers");
    return null;
  });
  if (fromIndex) return fromIndex;
  const q = newestChangesSql(prepared.filters, prepared.place, limit);
  return (await prisma.$queryRawUnsafe<ChangeRow[]>(q.sql, ...q.params)).map(toFeedRow);
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
