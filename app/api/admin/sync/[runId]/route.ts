import { gate } from "@/lib/admin/auth";
import { runById } from "@/lib/admin/data";
import { databaseDown, json, refused } from "@/lib/admin/http";
import { runIdParamSchema } from "@/lib/admin/schema";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** GET /api/admin/sync/{runId} → status, counts, pages done / expected, started, finished, error (SPEC §7). */
export async function GET(req: Request, ctx: { params: Promise<{ runId: string }> }) {
  const g = gate(req, { write: false });
  if (!g.ok) return refused(g);
  const id = runIdParamSchema.safeParse((await ctx.params).runId);
  if (!id.success) return refused({ status: 404, error: "no such run" });
  try {
    const run = await runById(db(), id.data);
    return run ? json(run) : refused({ status: 404, error: "no such run" });
  } catch (err) {
    return databaseDown(err);
  }
}
