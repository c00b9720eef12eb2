import { readJsonBody } from "@/lib/admin/http";
import { clientKey } from "@/lib/admin/request";
import { alertsConfig } from "@/lib/alerts/config";
import { takeSubscribe } from "@/lib/alerts/rate-limit";
import { subscribeBodySchema } from "@/lib/alerts/schema";
import { requestAlert } from "@/lib/alerts/subscribe";
import { db } from "@/lib/db/client";
import { feedCanonical } from "@/lib/feeds/data";
import { badRequest, failure } from "@/lib/search/http";
import { prepareSearch } from "@/lib/search/run";

export const dynamic = "force-dynamic";

const ACCEPTED = { status: "accepted", message: "If the address can receive email, a confirmation link is on its way. Nothing is sent until it is confirmed." };
const OFF = { error: "alerts_off", message: "Email alerts are off on this site. The Atom feed of the search still works." };

/** GET /api/alerts → {enabled}: whether the subscribe form can work here. */
export function GET() {
  return Response.json({ enabled: alertsConfig().enabled }, { headers: { "cache-control": "no-store" } });
}

/**
 * POST /api/alerts {"email", "query"} (SPEC §10) → 202, the same answer whether or not the address
 * is known; 400 naming a bad field or search parameter; 429 past the per-client limit; 503 when
 * alerts are off.
 */
export async function POST(req: Request) {
  const config = alertsConfig();
  if (!config.enabled) return Response.json(OFF, { status: 503 });
  let raw: unknown;
  try {
    raw = await readJsonBody(req);
  } catch {
    return Response.json({ error: "invalid_body", message: 'expected JSON {"email": "…", "query": "…"}' }, { status: 400 });
  }
  const body = subscribeBodySchema.safeParse(raw);
  if (!body.success) {
    const errors = body.error.issues.map((i) => ({ param: i.path.join(".") || "body", message: `${i.path.join(".") || "body"} ${i.message}` }));
    return Response.json({ error: "invalid_parameters", message: errors.map((e) => e.message).join("; "), errors }, { status: 400 });
  }
  const prepared = prepareSearch(new URLSearchParams(body.data.query.replace(/^\?/, "")));
  if (prepared.errors.length) return badRequest(prepared.errors);
  const limit = takeSubscribe(body.data.email.trim().toLowerCase(), clientKey(req));
  if (!limit.ok && limit.who === "client") {
    return Response.json({ error: "rate_limited", message: "Too many alert requests from here; try again later." }, { status: 429, headers: { "retry-after": String(limit.retryAfterSeconds) } });
  }
  // Past the per-address limit the request is dropped silently: the answer must not differ by address.
  if (!limit.ok) return Response.json(ACCEPTED, { status: 202 });
  try {
    await requestAlert(db(), config, body.data.email, feedCanonical(prepared), prepared.place);
    return Response.json(ACCEPTED, { status: 202 });
  } catch (err) {
    return failure(err, "api/alerts");
  }
}
