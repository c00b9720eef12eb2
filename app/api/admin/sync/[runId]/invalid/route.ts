import { gate } from "@/lib/admin/auth";
import { invalidRecordsView } from "@/lib/admin/data";
import { databaseDown, json, refused } from "@/lib/admin/http";
import { runIdParamSchema } from "@/lib/admin/schema";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** GET /api/admin/sync/{runId}/invalid → the records of that run that failed validation, with their raw JSON. */
export async function GET(req: Request, ctx: { params: Promise<{ runId: string }> }) {
  const g = gate(req, { write: false });
  if (!g.ok) return refused(g);
  const id = runIdParamSchema.safeParse((await ctx.params).runId);
  if (!id.success) return refused({ status: 404, error: "no such run" });
  try {
    return json({ runId: id.data, records: await invalidRecordsView(db(), id.data) });
  } catch (err) {
    return databaseDown(err);
  }
}
