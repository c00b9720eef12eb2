import { seeOther, tokenOf } from "@/lib/alerts/http";
import { unsubscribeAlert } from "@/lib/alerts/mutations";
import { db } from "@/lib/db/client";
import { failure } from "@/lib/http/errors";
import { localePath } from "@/lib/i18n/paths";

export const dynamic = "force-dynamic";

/**
 * POST /api/alerts/unsubscribe?token=… — RFC 8058 one-click (body List-Unsubscribe=One-Click, sent
 * by the mail provider: answered 200) or the button on /alerts/unsubscribe (answered with a redirect
 * to the page). Only POST unsubscribes: a link scanner fetching the email's links changes nothing.
 */
export async function POST(req: Request) {
  const { token, oneClick, locale } = await tokenOf(req);
  try {
    const outcome = token ? await unsubscribeAlert(db(), token) : "invalid";
    if (oneClick) {
      return new Response(outcome === "unsubscribed" ? "Unsubscribed.\n" : "This link is no longer valid.\n", {
        status: outcome === "unsubscribed" ? 200 : 400,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    }
    return seeOther(req, localePath(locale, `/alerts/unsubscribe?status=${outcome}`));
  } catch (err) {
    return failure(err, "api/alerts/unsubscribe");
  }
}
