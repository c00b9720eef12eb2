import "server-only";
import { gate } from "./auth";
import { databaseDown, json, refused } from "./http";
import { runIdParamSchema } from "./schema";

const noSuchRun = () => refused({ status: 404, error: "no such run" });

/**
 * GET /api/admin/sync/{runId}/…: the admin gate, the run id from the path (anything but plain digits
 * is a 404), then `answer`; null from it means the run does not exist (404), and a database that is
 * down is a 503.
 */
export async function runEndpoint(req: Request, params: Promise<{ runId: string }>, answer: (runId: number) => Promise<unknown | null>): Promise<Response> {
  const g = await gate(req, { write: false });
  if (!g.ok) return refused(g);
  const id = runIdParamSchema.safeParse((await params).runId);
  if (!id.success) return noSuchRun();
  try {
    const body = await answer(id.data);
    return body === null ? noSuchRun() : json(body);
  } catch (err) {
    return databaseDown(err);
  }
}
