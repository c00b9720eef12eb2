import { gate } from "@/lib/admin/auth";
import { dashboard } from "@/lib/admin/data";
import { json, refusal } from "@/lib/admin/http";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** GET /api/admin/status → the dashboard: database, trial counts, last sync, next runs, running run, history. */
export async function GET(req: Request) {
  const g = await gate(req, { write: false });
  if (!g.ok) return refusal(g);
  return json(await dashboard(db()));
}
