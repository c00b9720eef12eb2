import { db } from "@/lib/db/client";
import { eligibilityOf } from "@/lib/eligibility/data";
import { fitResultsBody } from "@/lib/eligibility/fit";
import { parseBody } from "@/lib/eligibility/http";
import { failure, NO_STORE } from "@/lib/http/errors";
import { fitRequestSchema } from "@/lib/eligibility/schema";


export const dynamic = "force-dynamic";

/**
 * POST /api/fit {profile, nctIds} → {results: [{nctId, verdict, checks, otherCriteria}]} (SPEC §9), in
 * the order asked, each id once; ids not on file are left out. POST only, never cached: the body is
 * health data.
 */
export async function POST(req: Request) {
  const body = await parseBody(req, fitRequestSchema);
  if (!body.ok) return body.response;
  const { profile, nctIds } = body.data;
  try {
    const ids = [...new Set(nctIds)];
    const rules = await eligibilityOf(db(), ids);
    // {"results": [...]} written as bytes (lib/eligibility/fit.ts), the same JSON as stringifying fitTrial's objects.
    return new Response(fitResultsBody(ids, rules, profile), { headers: { "content-type": "application/json", ...NO_STORE } });
  } catch (err) {
    return failure(err, "api/fit", NO_STORE);
  }
}
