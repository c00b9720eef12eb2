import { XMLParser, XMLValidator } from "fast-xml-parser";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

import { GET as atomRoute } from "../../app/api/trials.atom/route";
import { GET as searchRoute } from "../../app/api/trials/route";
import { changesOf } from "../../lib/changes/data";
import { describeChange } from "../../lib/changes/describe";
import { cacheTiming } from "../../lib/search/cache";
import { allMatches } from "../../lib/search/data";
import { prepareSearch } from "../../lib/search/run";
import { fileWorld } from "./helpers/world";

// GET /api/trials.atom (SPEC §10) through its route handler, on a real database synced twice from the stand-in.

const world = fileWorld();

const BRTX = "NCT04042844";
const ORIGIN = "http://finder.test";
const get = (route: typeof atomRoute, query: string, headers: Record<string, string> = {}) => route(new NextRequest(`${ORIGIN}/x?${query}`, { headers }));
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => n === "entry" || n === "link" }).parse(xml);

beforeAll(async () => {
  await world.sync();
  await world.setStatus(BRTX, "ACTIVE_NOT_RECRUITING");
  await world.sync();
});

describe("GET /api/trials.atom", () => {
  it("is valid Atom with the newest change first, and the same trials as the search", async () => {
    const res = await get(atomRoute, "status=any&sort=updated&page=3");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const el of ["id", "title", "updated"]) expect(feed[el]).toBeTruthy();
    // Sort and page are not part of what a feed follows.
    expect(feed.link.find((l: { "@rel": string }) => l["@rel"] === "alternate")["@href"]).toBe(`${ORIGIN}/trials?status=any`);

    const entries = feed.entry as { id: string; title: { "#text": string }; updated: string; summary: { "#text": string }; link: { "@href": string }[] }[];
    expect(entries[0]!.link[0]!["@href"]).toBe(`${ORIGIN}/trials/${BRTX}`);
    expect(entries[0]!.summary["#text"]).toBe("Now active, not recruiting");
    const updated = entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);

    const matches = new Set<string>();
    for await (const t of allMatches(world.database.prisma, prepareSearch(new URLSearchParams("status=any")).filters, null)) matches.add(t.nctId);
    expect(entries).toHaveLength(Math.min(50, matches.size));
    const ids = entries.map((e) => e.link[0]!["@href"].split("/").pop()!);
    expect(ids.filter((id) => !matches.has(id))).toEqual([]);
    // Each entry says what that trial's newest recorded change was.
    for (const id of ids.slice(0, 5)) {
      const newest = (await changesOf(world.database.prisma, id)).changes[0]!;
      expect(entries[ids.indexOf(id)]!.summary["#text"]).toBe(describeChange(newest.fields).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    }
  });

  it("a narrower search gets only its own trials, and a search matching nothing is an empty valid feed", async () => {
    const narrow = parse(await (await get(atomRoute, "q=BRTX&status=any")).text()).feed;
    expect(narrow.entry.map((e: { link: { "@href": string }[] }) => e.link[0]!["@href"])).toContain(`${ORIGIN}/trials/${BRTX}`);
    expect(narrow.entry.length).toBeLessThan(10);
    const none = await (await get(atomRoute, "q=zzzyqxnotaword")).text();
    expect(XMLValidator.validate(none)).toBe(true);
    expect(parse(none).feed.entry).toBeUndefined();
  });

  it("answers a conditional GET with 304 and keeps the same ETag and feed id between polls", async () => {
    const first = await get(atomRoute, "status=any");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(atomRoute, "status=any", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await get(atomRoute, "status=any", { "if-none-match": '"stale"' });
    expect(other.status).toBe(200);
    expect(parse(await other.text()).feed.id).toBe(parse(await first.text()).feed.id);
  });

  it("is kept between polls, and a new sync replaces it: a new ETag, the new change first, no 304 for the old tag", async () => {
    const saved = { ...cacheTiming };
    Object.assign(cacheTiming, { VERSION_MS: 50 });
    try {
      const before = await get(atomRoute, "status=any");
      const oldTag = before.headers.get("etag")!;
      const oldXml = await before.text();
      // Served from the cache: the very same document (not rebuilt, so not re-dated).
      expect(await (await get(atomRoute, "status=any")).text()).toBe(oldXml);
      await world.setStatus(BRTX, "COMPLETED");
      await world.sync();
      await new Promise((r) => setTimeout(r, cacheTiming.VERSION_MS + 20));
      const after = await get(atomRoute, "status=any", { "if-none-match": oldTag });
      expect(after.status).toBe(200);
      expect(after.headers.get("etag")).not.toBe(oldTag);
      const entries = parse(await after.text()).feed.entry as { summary: { "#text": string }; link: { "@href": string }[] }[];
      expect(entries[0]!.link[0]!["@href"]).toBe(`${ORIGIN}/trials/${BRTX}`);
      expect(entries[0]!.summary["#text"]).toBe("Now completed");
      expect((await get(atomRoute, "status=any", { "if-none-match": after.headers.get("etag")! })).status).toBe(304);
    } finally {
      Object.assign(cacheTiming, saved);
    }
  });

  it("rejects bad parameters with the same 400 as the search API", async () => {
    for (const q of ["phase=phase-9", "status=sleeping", "radius=far&near=Boston", "page=0"]) {
      const feed = await get(atomRoute, q);
      const api = await get(searchRoute, q);
      expect(feed.status, q).toBe(400);
      expect(await feed.json()).toEqual(await api.json());
    }
  });
});
