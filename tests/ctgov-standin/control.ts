import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { Reply } from "./routes";
import type { Standin } from "./server";

/**
 * Test-only control endpoints under /__control (the stand-in binds 127.0.0.1 only, and a
 * stand-in started with `control: false` refuses them all with 403):
 *   GET  /__control/stats                      request and fault counts
 *   POST /__control/stats/reset
 *   GET  /__control/faults                     current fault switches
 *   POST /__control/faults        {…}          merge switches (unknown keys or bad values → 400)
 *   POST /__control/faults/reset
 *   POST /__control/studies       {study}      add or replace a record (by its nctId)
 *   POST /__control/studies/{id}/remove
 *   POST /__control/studies/{id}/restore       back to the directory's version
 *   POST /__control/data/reset                 every record back to the directory's contents
 *   GET  /__control/ids?<studies params>       all ids a /studies query selects, in order
 *   GET  /__control/synthetic                  {count, revision} of the synthetic studies
 *   POST /__control/synthetic     {revision}   serve that revision of them from now on
 */

const MAX_BODY = 10 * 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("request body over 10 MB");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? {} : JSON.parse(text);
}

const json = (body: unknown, status = 200): Reply => ({ status, json: true, body: JSON.stringify(body) });
const text = (status: number, body: string): Reply => ({ status, json: false, body });

export async function controlRoute(req: IncomingMessage, path: string, params: URLSearchParams, standin: Standin): Promise<Reply> {
  const method = req.method ?? "GET";
  const key = `${method} ${path.replace(/^\/studies\/[^/]+\//, "/studies/{id}/")}`;
  const id = /^\/studies\/([^/]+)\//.exec(path)?.[1];
  try {
    switch (key) {
      case "GET /stats":
        return json(standin.stats());
      case "POST /stats/reset":
        standin.resetStats();
        return json(standin.stats());
      case "GET /faults":
        return json(standin.faults());
      case "POST /faults":
        standin.setFaults((await readJson(req)) as object);
        return json(standin.faults());
      case "POST /faults/reset":
        standin.resetFaults();
        return json(standin.faults());
      case "POST /studies":
        return json({ nctId: standin.upsertStudy((await readJson(req)) as object) });
      case "POST /studies/{id}/remove":
        standin.removeStudy(id!);
        return json({ nctId: id, removed: true });
      case "POST /studies/{id}/restore":
        standin.restoreStudy(id!);
        return json({ nctId: id, restored: true });
      case "POST /data/reset":
        standin.resetData();
        return json({ studies: standin.studyCount() });
      case "GET /ids":
        return json(standin.studyIds(params));
      case "GET /synthetic":
        return json({ count: standin.studyCount(), revision: standin.syntheticRevision() });
      case "POST /synthetic": {
        const body = z.object({ revision: z.number().int() }).strict().safeParse(await readJson(req));
        if (!body.success) return text(400, 'invalid body: expected {"revision": <integer>}');
        standin.setSyntheticRevision(body.data.revision);
        return json({ count: standin.studyCount(), revision: standin.syntheticRevision() });
      }
      default:
        return text(/^(GET|POST) /.test(key) ? 404 : 405, `no control endpoint ${method} /__control${path}`);
    }
  } catch (e) {
    if (e instanceof z.ZodError) return text(400, `invalid faults: ${e.issues.map((i) => `${i.path.join(".") || "(body)"} ${i.message}`).join("; ")}`);
    return text(400, e instanceof Error ? e.message : String(e));
  }
}
