import { changesOf } from "@/lib/changes/data";
import { db } from "@/lib/db/client";
import { failure } from "@/lib/search/http";
import { NCT_ID } from "@/lib/trials/data";

export const dynamic = "force-dynamic";

/** GET /api/trials/{nctId}/changes (SPEC §10) → {nctId, changes: [{seenAt, runId, fields: [{field, from, to}]}]}, newest first. */
export async function GET(_req: Request, ctx: { params: Promise<{ nctId: string }> }) {
  const { nctId } = await ctx.params;
  const id = nctId.toUpperCase();
  if (!NCT_ID.test(id)) {
    return Response.json({ error: "invalid_parameters", message: "nctId: expected NCT followed by 8 digits", errors: [{ param: "nctId", value: nctId, message: "expected NCT followed by 8 digits" }] }, { status: 400 });
  }
  try {
    const prisma = db();
    const [exists, body] = await Promise.all([prisma.trial.count({ where: { nctId: id } }), changesOf(prisma, id)]);
    if (!exists) return Response.json({ error: "not_found", message: `No trial ${id} on file.` }, { status: 404 });
    return Response.json(body, { headers: { "cache-control": "public, max-age=60" } });
  } catch (err) {
    return failure(err, "api/trials/[nctId]/changes");
  }
}
