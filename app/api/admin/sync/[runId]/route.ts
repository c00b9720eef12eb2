import { runById } from "@/lib/admin/data";
import { runEndpoint } from "@/lib/admin/run-endpoint";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** GET /api/admin/sync/{runId} → status, counts, pages done / expected, started, finished, error (SPEC §7). */
export async function GET(req: Request, ctx: { params: Promise<{ runId: string }> }) {
  return runEndpoint(req, ctx.params, (runId) => runById(db(), runId));
}
