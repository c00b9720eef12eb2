import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { parseBody } from "@/lib/eligibility/http";
import { searchWithProfileSchema } from "@/lib/eligibility/schema";
import { searchWithFit } from "@/lib/eligibility/search";
import { failure, invalidParameters, NO_STORE } from "@/lib/http/errors";
import { apiHeaders, registerFastLane } from "@/lib/http/fast-lane";
import { prepareSearch, runSearchJson } from "@/lib/search/run";

export const dynamic = "force-dynamic";

const SEARCH_HEADERS = { "content-type": "application/json", "cache-control": "public, max-age=30" };

// The same search, answered before Next.js once this module has loaded (lib/http/fast-lane.ts,
// docs/decisions/033-search-fast-lane.md). Invalid parameters and failures are left to GET below.
registerFastLane("/api/trials", async (query) => {
  const prepared = prepareSearch(new URLSearchParams(query));
  if (prepared.errors.length) return null;
  const body = await runSearchJson(db(), prepared);
  return { status: 200, headers: apiHeaders(SEARCH_HEADERS), body };
});

/** GET /api/trials?… (SPEC §6) → {total, page, pageSize, trials, facets, place}; 400 naming any bad parameter. */
export async function GET(req: NextRequest) {
  const prepared = prepareSearch(req.nextUrl.searchParams);
  if (prepared.errors.length) return invalidParameters(prepared.errors);
  try {
    const body = await runSearchJson(db(), prepared);
    return new Response(body, { headers: SEARCH_HEADERS });
  } catch (err) {
    return failure(err, "api/trials");
  }
}

/**
 * POST /api/trials {query, profile, hideRuledOut} (SPEC §9): the GET answer for `query` with each
 * trial's `fit`; with hideRuledOut, the ruled-out trials leave the page, the total and the facets.
 * POST and no-store because the body carries the patient's answers.
 */
export async function POST(req: NextRequest) {
  const body = await parseBody(req, searchWithProfileSchema);
  if (!body.ok) return body.response;
  const { query, profile, hideRuledOut } = body.data;
  const prepared = prepareSearch(new URLSearchParams(query.replace(/^\?/, "")));
  if (prepared.errors.length) return invalidParameters(prepared.errors, { headers: NO_STORE });
  try {
    const result = await searchWithFit(db(), prepared, profile, hideRuledOut);
    return Response.json({ ...result, place: prepared.place }, { headers: NO_STORE });
  } catch (err) {
    return failure(err, "api/trials POST", NO_STORE);
  }
}
