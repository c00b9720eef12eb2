import { readJsonBody } from "@/lib/admin/http";
import { clientKey } from "@/lib/admin/request";
import { alertsConfig } from "@/lib/alerts/config";
import { takeSubscribe } from "@/lib/alerts/rate-limit";
import { subscribeBodySchema } from "@/lib/alerts/schema";
import { requestAlert } from "@/lib/alerts/subscribe";
import { db } from "@/lib/db/client";
import { feedCanonical } from "@/lib/feeds/data";
import { apiError, failure, invalidParameters } from "@/lib/http/errors";
import { prepareSearch } from "@/lib/search/run";

export const dynamic = "force-dynamic";

const ACCEPTED = { status: "accepted", message: "If the address can receive email, a confirmation link is on its way. Nothing is sent until it is confirmed." };
const ALERTS_OFF = "Email alerts are off on this site. The Atom feed of the search still works.";

/** GET /api/alerts → {enabled}: whether the subscribe form can work here. */
export function GET() {
  return Response.json({ enabled: alertsConfig().enabled }, { headers: { "cache-control": "no-store" } });
}

/**
 * POST /api/alerts {"email", "query", "locale"?} (SPEC §10; locale "en" | "es", default "en") → 202, the same answer whether or not the address
 * is known; 400 naming a bad field or search parameter; 429 past the per-client limit; 503 when
 * alerts are off.
 */
export async function POST(req: Request) {
  const config = alertsConfig();
  if (!config.enabled) return apiError("alerts_off", ALERTS_OFF);
  let raw: unknown;
  try {
    raw = await readJsonBody(req);
  } catch {
    return apiError("invalid_body", 'expected JSON {"email": "…", "query": "…"}');
  }
  const body = subscribeBodySchema.safeParse(raw);
  if (!body.success) {
    const errors = body.error.issues.map((i) => ({ param: i.path.join(".") || "body", message: `${i.path.join(".") || "body"} ${i.message}` }));
    return invalidParameters(errors);
  }
  const prepared = prepareSearch(new URLSearchParams(body.data.query.replace(/^\?/, "")));
  if (prepared.errors.length) return invalidParameters(prepared.errors);
  const limit = takeSubscribe(body.data.email.trim().toLowerCase(), clientKey(req));
  if (!limit.ok && limit.who === "client") {
    return apiError("rate_limited", "Too many alert requests from here; try again later.", { headers: { "retry-after": String(limit.retryAfterSeconds) } });
  }
  // Past the per-address limit the request is dropped silently: the answer must not differ by address.
  if (!limit.ok) return Response.json(ACCEPTED, { status: 202 });
  try {
    await requestAlert(db(), config, body.data.email, feedCanonical(prepared), prepared.place, body.data.locale);
    return Response.json(ACCEPTED, { status: 202 });
  } catch (err) {
    return failure(err, "api/alerts");
  }
}
