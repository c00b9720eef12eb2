import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { failure, invalidParameters } from "@/lib/http/errors";
import { runMapSites } from "@/lib/search/map";
import { prepareSearch } from "@/lib/search/run";

export const dynamic = "force-dynamic";

/** GET /api/trials/sites?… (the /trials filters) → every matching site grouped by place, for the map view. */
export async function GET(req: NextRequest) {
  const prepared = prepareSearch(req.nextUrl.searchParams);
  if (prepared.errors.length) return invalidParameters(prepared.errors);
  try {
    return new Response(await runMapSites(db(), prepared), { headers: { "content-type": "application/json", "cache-control": "public, max-age=30" } });
  } catch (err) {
    return failure(err, "api/trials/sites");
  }
}
