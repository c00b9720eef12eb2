import { actorLabel, gate } from "@/lib/admin/auth";
import { dashboard } from "@/lib/admin/data";
import { json, readJsonBody, refusal } from "@/lib/admin/http";
import { recordAuditAfterTheFact } from "@/lib/admin/mutations";
import { clientKey } from "@/lib/admin/request";
import { syncStartBodySchema } from "@/lib/admin/schema";
import { db } from "@/lib/db/client";
import { apiError, databaseUnavailable, failure, NO_STORE } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { startSync } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

/** GET /api/admin/sync → recent runs (newest first) and the running one. */
export async function GET(req: Request) {
  const g = await gate(req, { write: false });
  if (!g.ok) return refusal(g);
  try {
    const d = await dashboard(db());
    // The dashboard reports a database that is down instead of throwing; passed on as an empty run
    // list it would read as "no runs, nothing running".
    if (d.db === "down") return databaseUnavailable(NO_STORE);
    return json({ running: d.running, runs: d.history });
  } catch (err) {
    return failure(err, "api/admin/sync GET", NO_STORE);
  }
}

/**
 * POST /api/admin/sync {"mode":"incremental"|"full"} → 202 {runId}; 409 {runId} of the run already in
 * progress in any process. The run continues in this web process after the response.
 */
export async function POST(req: Request) {
  const g = await gate(req, { write: true });
  if (!g.ok) return refusal(g);
  let body;
  try {
    body = syncStartBodySchema.parse(await readJsonBody(req));
  } catch {
    return apiError("invalid_body", 'expected JSON {"mode": "incremental" | "full"}', { headers: NO_STORE });
  }
  const actor = actorLabel(g.actor);
  const ip = clientKey(req);
  try {
    const prisma = db();
    const result = await startSync({ prisma, mode: body.mode, trigger: "admin" });
    if (!result.ok) {
      await recordAuditAfterTheFact(prisma, { actor, action: "sync_refused_running", ip, detail: { mode: body.mode, runningRunId: result.runningRunId } });
      return apiError("conflict", `Sync run ${result.runningRunId} is already in progress.`, { headers: NO_STORE, extra: { runId: result.runningRunId } });
    }
    result.done
      .then((o) => (o.status === "failed" ? logger.warn : logger.info).call(logger, { runId: o.runId, status: o.status, error: o.error, counts: o.progress.counts }, "admin sync finished"))
      .catch((err: unknown) => logger.error({ runId: result.runId, err: (err as Error).message }, "admin sync crashed"));
    // The run is claimed and going: report it as started even if its audit row cannot be written.
    await recordAuditAfterTheFact(prisma, { actor, action: "sync_started", ip, detail: { mode: body.mode, runId: result.runId } });
    return json({ runId: result.runId }, 202, { location: `/api/admin/sync/${result.runId}` });
  } catch (err) {
    return failure(err, "api/admin/sync POST", NO_STORE);
  }
}
