import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { cached } from "./cache";
import { matchKey, type PreparedSearch } from "./run";
import { MAP_POINT_LIMIT, mapSitesSql } from "./sql";

// The map view: every site of every matching trial (not just the page's), grouped by place.

export type MapPoint = {
  lat: number;
  lon: number;
  city: string | null;
  state: string | null;
  country: string | null;
  /** Matching sites at this point, and the distinct trials they belong to. */
  sites: number;
  trials: number;
  /** A few of those trials (by NCT id), to name in the popup. */
  sample: { nctId: string; title: string }[];
};
export type MapSites = { points: MapPoint[]; sites: number; truncated: boolean };

type Row = { lat: number; lon: number; city: string | null; state: string | null; country: string | null; sites: number; trials: number; sample: string[] };

export async function mapSites(prisma: PrismaClient, { filters, place }: PreparedSearch): Promise<MapSites> {
  const q = mapSitesSql(filters, place);
  const rows = await prisma.$queryRawUnsafe<Row[]>(q.sql, ...q.params);
  const truncated = rows.length > MAP_POINT_LIMIT;
  const kept = rows.slice(0, MAP_POINT_LIMIT);
  const ids = [...new Set(kept.flatMap((r) => r.sample))];
  const titles = new Map(
    (ids.length ? await prisma.$queryRawUnsafe<{ nct_id: string; brief_title: string }[]>(`SELECT nct_id, brief_title FROM trial WHERE nct_id = ANY($1::text[])`, ids) : []).map((r) => [r.nct_id, r.brief_title]),
  );
  return {
    points: kept.map((r) => ({ ...r, sample: r.sample.map((nctId) => ({ nctId, title: titles.get(nctId) ?? nctId })) })),
    sites: kept.reduce((n, r) => n + r.sites, 0),
    truncated,
  };
}

export async function runMapSites(prisma: PrismaClient, prepared: PreparedSearch): Promise<string> {
  return cached(prisma, `map:${matchKey(prepared)}`, async () => JSON.stringify({ ...(await mapSites(prisma, prepared)), place: prepared.place }), { staleWhileSyncing: true });
}
