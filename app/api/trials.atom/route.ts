import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { atomFeed } from "@/lib/feeds/data";
import { publicOrigin } from "@/lib/feeds/origin";
import { failure, invalidParameters } from "@/lib/http/errors";
import { prepareSearch } from "@/lib/search/run";

export const dynamic = "force-dynamic";

/** GET /api/trials.atom?<search> (SPEC §10) → Atom 1.0 of that search's newest changes; the same 400s as /api/trials; ETag and If-None-Match. */
export async function GET(req: NextRequest) {
  const prepared = prepareSearch(req.nextUrl.searchParams);
  if (prepared.errors.length) return invalidParameters(prepared.errors);
  try {
    const feed = await atomFeed(db(), prepared, publicOrigin(req.nextUrl.origin));
    const headers = {
      etag: feed.etag,
      "last-modified": feed.lastModified.toUTCString(),
      "cache-control": "public, max-age=300",
    };
    const tags = req.headers.get("if-none-match")?.split(",").map((t) => t.trim().replace(/^W\//, ""));
    if (tags?.includes(feed.etag) || tags?.includes("*")) return new Response(null, { status: 304, headers });
    return new Response(feed.xml, { headers: { ...headers, "content-type": "application/atom+xml; charset=utf-8" } });
  } catch (err) {
    return failure(err, "api/trials.atom");
  }
}
