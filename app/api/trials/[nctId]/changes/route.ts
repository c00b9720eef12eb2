import { changesOf } from "@/lib/changes/data";
import { db } from "@/lib/db/client";
import { apiError, failure, invalidParameters, naming } from "@/lib/http/errors";

import { NCT_ID } from "@/lib/trials/data";

export const dynamic = "force-dynamic";

/** GET /api/trials/{nctId}/changes (SPEC §10) → {nctId, changes: [{seenAt, runId, fields: [{field, from, to}]}]}, newest first. */
export async function GET(_req: Request, ctx: { params: Promise<{ nctId: string }> }) {
  const { nctId } = await ctx.params;
  const id = nctId.toUpperCase();
  if (!NCT_ID.test(id)) {
    return invalidParameters([{ param: "nctId", value: nctId, message: "expected NCT followed by 8 digits" }], { sentence: naming });
  }
  try {
    const prisma = db();
    const [exists, body] = await Promise.all([prisma.trial.count({ where: { nctId: id } }), changesOf(prisma, id)]);
    if (!exists) return apiError("not_found", `No trial ${id} on file.`);
    return Response.json(body, { headers: { "cache-control": "public, max-age=60" } });
  } catch (err) {
    return failure(err, "api/trials/[nctId]/changes");
  }
}
