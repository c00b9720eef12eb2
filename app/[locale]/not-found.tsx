import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { localePath, unlocalizedPath } from "@/lib/i18n/paths";
import { PATH_HEADER } from "@/lib/i18n/path-header";

/**
 * Unknown addresses (and unknown trial ids): say so plainly, in the page's language, and offer the way
 * back. A not-found page gets no params: the language is read from the address asked for.
 */
export default async function NotFound() {
  const { locale } = unlocalizedPath((await headers()).get(PATH_HEADER) ?? "/");
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundText")}</p>
      <p>
        {t.rich("notFoundLinks", {
          trials: (c) => <a href={localePath(locale, "/trials")}>{c}</a>,
          learn: (c) => <a href={localePath(locale, "/learn")}>{c}</a>,
        })}
      </p>
    </>
  );
}
