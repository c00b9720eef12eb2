import type { NextRequest } from "next/server";
import { badRequest, failure } from "@/lib/search/http";
import { prepareSearch, runSearchJson } from "@/lib/search/run";

export const dynamic = "force-dynamic";

/** GET /api/trials?… (SPEC §6) → {total, page, pageSize, trials, facets, place}; 400 naming any bad parameter. */
export async function GET(req: NextRequest) {
  const prepared = prepareSearch(req.nextUrl.searchParams);
  if (prepared.errors.length) return badRequest(prepared.errors);
  try {
    const body = await runSearchJson(prepared);
    return new Response(body, { headers: { "content-type": "application/json", "cache-control": "public, max-age=30" } });
  } catch (err) {
    return failure(err, "api/trials");
  }
}
