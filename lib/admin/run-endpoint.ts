import "server-only";
import { apiError, failure, NO_STORE } from "../http/errors";
import { gate } from "./auth";
import { json, refusal } from "./http";
import { runIdParamSchema } from "./schema";

const noSuchRun = () => apiError("not_found", "There is no such sync run.", { headers: NO_STORE });

/**
 * GET /api/admin/sync/{runId}/…: the admin gate, the run id from the path (anything but plain digits
 * is a 404), then `answer`; null from it means the run does not exist (404), and a database that is
 * down is a 503.
 */
export async function runEndpoint(req: Request, params: Promise<{ runId: string }>, answer: (runId: number) => Promise<unknown | null>): Promise<Response> {
  const g = await gate(req, { write: false });
  if (!g.ok) return refusal(g);
  const id = runIdParamSchema.safeParse((await params).runId);
  if (!id.success) return noSuchRun();
  try {
    const body = await answer(id.data);
    return body === null ? noSuchRun() : json(body);
  } catch (err) {
    return failure(err, "api/admin/sync/[runId]", NO_STORE);
  }
}
