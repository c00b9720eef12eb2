import { type Locale, localeOrDefault } from "../i18n/paths";
import { tokenSchema } from "./schema";

/**
 * The token of a confirm or unsubscribe POST: from the URL (RFC 8058 one-click posts go to the
 * List-Unsubscribe address, which carries it) or from the page's form. Small bodies only. `locale`
 * is the language of the page whose button was pressed (English when absent or unknown), for the
 * page the answer sends the visitor back to.
 */
export async function tokenOf(req: Request): Promise<{ token: string | null; oneClick: boolean; locale: Locale }> {
  const url = new URL(req.url);
  let form: URLSearchParams | null = null;
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const text = type.startsWith("multipart/") ? null : (await req.text()).slice(0, 4096);
    form = text !== null ? new URLSearchParams(text) : null;
    if (!form) {
      const data = await req.formData();
      form = new URLSearchParams([...data.entries()].flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    }
  }
  const candidate = form?.get("token") ?? url.searchParams.get("token");
  const parsed = tokenSchema.safeParse(candidate);
  const locale = form?.get("locale") ?? url.searchParams.get("locale");
  return { token: parsed.success ? parsed.data : null, oneClick: form?.get("List-Unsubscribe") === "One-Click", locale: localeOrDefault(locale) };
}

/** After a form post, back to the page that says how it went (303: the browser follows with a GET). */
export function seeOther(_req: Request, path: string): Response {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}
