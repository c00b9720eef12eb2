import { seeOther, tokenOf } from "@/lib/alerts/http";
import { confirmAlert } from "@/lib/alerts/mutations";
import { db } from "@/lib/db/client";
import { failure } from "@/lib/http/errors";
import { localePath } from "@/lib/i18n/paths";

export const dynamic = "force-dynamic";

/** POST /api/alerts/confirm (the button on /alerts/confirm): confirms once, then back to the page with the outcome. */
export async function POST(req: Request) {
  const { token, locale } = await tokenOf(req);
  if (!token) return seeOther(req, localePath(locale, "/alerts/confirm?status=invalid"));
  try {
    const outcome = await confirmAlert(db(), token);
    return seeOther(req, localePath(locale, `/alerts/confirm?status=${outcome}`));
  } catch (err) {
    return failure(err, "api/alerts/confirm");
  }
}
