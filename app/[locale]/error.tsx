"use client";

import { useParams } from "next/navigation";
import { localePath, localeOrDefault } from "@/lib/i18n/paths";
import en from "@/lib/i18n/messages/en/error.json" with { type: "json" };
import es from "@/lib/i18n/messages/es/error.json" with { type: "json" };

/**
 * Any page that fails unexpectedly: a plain message and a retry, never a stack trace. The details are
 * in the server log. A client component, so it reads its few words from the small `error` catalogue
 * of each language directly (no i18n runtime in the browser: /trials's JavaScript budget).
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const raw = useParams<{ locale?: string }>()?.locale;
  const locale = localeOrDefault(raw);
  const t = locale === "es" ? es : en;
  return (
    <div role="alert">
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <p>
        <button type="button" onClick={() => reset()}>
          {t.retry}
        </button>{" "}
        <a href={localePath(locale, "/trials")}>{t.back}</a>
      </p>
    </div>
  );
}
