import { changesOf } from "@/lib/changes/data";
import { db } from "@/lib/db/client";
import { apiError, failure } from "@/lib/http/errors";

import { nctIdParam } from "@/lib/trials/nct-id";

export const dynamic = "force-dynamic";

/** GET /api/trials/{nctId}/changes (SPEC §10) → {nctId, changes: [{seenAt, runId, fields: [{field, from, to}]}]}, newest first. */
export async function GET(_req: Request, ctx: { params: Promise<{ nctId: string }> }) {
  const param = nctIdParam((await ctx.params).nctId);
  if ("error" in param) return param.error;
  const { id } = param;
  try {
    const prisma = db();
    const [exists, body] = await Promise.all([prisma.trial.count({ where: { nctId: id } }), changesOf(prisma, id)]);
    if (!exists) return apiError("not_found", `No trial ${id} on file.`);
    return Response.json(body, { headers: { "cache-control": "public, max-age=60" } });
  } catch (err) {
    return failure(err, "api/trials/[nctId]/changes");
  }
}
