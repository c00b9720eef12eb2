import { invalidRecordsView } from "@/lib/admin/data";
import { runEndpoint } from "@/lib/admin/run-endpoint";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** GET /api/admin/sync/{runId}/invalid → the records of that run that failed validation, with their raw JSON (404 for an unknown run). */
export async function GET(req: Request, ctx: { params: Promise<{ runId: string }> }) {
  return runEndpoint(req, ctx.params, (runId) => invalidRecordsView(db(), runId));
}
