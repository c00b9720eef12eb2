import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { resolveNear } from "@/lib/geo/resolve";
import { failure } from "@/lib/search/http";
import { getTrial, NCT_ID } from "@/lib/trials/data";

export const dynamic = "force-dynamic";

/** GET /api/trials/{nctId}[?near=…] → one trial with sites (by distance when near is given), contacts, eligibility and `why`. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ nctId: string }> }) {
  const { nctId } = await ctx.params;
  const id = nctId.toUpperCase();
  if (!NCT_ID.test(id)) {
    return Response.json({ error: "invalid_parameters", message: "nctId: expected NCT followed by 8 digits", errors: [{ param: "nctId", value: nctId, message: "expected NCT followed by 8 digits" }] }, { status: 400 });
  }
  const near = req.nextUrl.searchParams.get("near");
  const resolved = near ? resolveNear(near) : null;
  if (resolved && !resolved.ok) {
    return Response.json({ error: "invalid_parameters", message: `near: ${resolved.message}`, errors: [{ param: "near", value: near, message: resolved.message, suggestions: resolved.suggestions }] }, { status: 400 });
  }
  try {
    const trial = await getTrial(db(), id, resolved?.ok ? resolved : null);
    if (!trial) return Response.json({ error: "not_found", message: `No trial ${id} on file.` }, { status: 404 });
    return Response.json(trial);
  } catch (err) {
    return failure(err, "api/trials/[nctId]");
  }
}
