import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { apiError, failure, invalidParameters, naming } from "@/lib/http/errors";
import { resolveNear } from "@/lib/geo/resolve";

import { getTrial } from "@/lib/trials/data";
import { nctIdParam } from "@/lib/trials/nct-id";

export const dynamic = "force-dynamic";

/** GET /api/trials/{nctId}[?near=…] → one trial with sites (by distance when near is given), contacts, eligibility and `why`. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ nctId: string }> }) {
  const param = nctIdParam((await ctx.params).nctId);
  if ("error" in param) return param.error;
  const { id } = param;
  const near = req.nextUrl.searchParams.get("near");
  const resolved = near ? resolveNear(near) : null;
  if (resolved && !resolved.ok) {
    return invalidParameters([{ param: "near", value: near, message: resolved.message, suggestions: resolved.suggestions }], { sentence: naming });
  }
  try {
    const trial = await getTrial(db(), id, resolved?.ok ? resolved : null);
    if (!trial) return apiError("not_found", `No trial ${id} on file.`);
    return Response.json(trial);
  } catch (err) {
    return failure(err, "api/trials/[nctId]");
  }
}
