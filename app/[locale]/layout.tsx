import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { localePath, LOCALES, type Locale, unlocalizedPath } from "@/lib/i18n/paths";
import { PATH_HEADER } from "@/lib/i18n/path-header";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(LOCALES, locale)) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  return { title: { default: t("brand"), template: t("titleTemplate") }, description: t("description") };
}

/**
 * The address the visitor asked for, in English form (`/trials?phase=2`), as proxy.ts passed it on:
 * the language switch and the hreflang alternates point at the same page and search in the other
 * language. Absent (a page rendered without the proxy), the home page stands in.
 */
async function currentPath(): Promise<string> {
  const raw = (await headers()).get(PATH_HEADER);
  return raw && raw.startsWith("/") ? unlocalizedPath(raw).path : "/";
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(LOCALES, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  const path = await currentPath();
  const other: Locale = locale === "en" ? "es" : "en";
  const home = localePath(locale, "/");
  return (
    <html lang={locale}>
      <head>
        {LOCALES.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={localePath(l, path)} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={path} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skipLink")}
        </a>
        <header className="site-header">
          <a href={home} className="brand">
            {t("brand")}
          </a>
          <nav aria-label={t("navLabel")}>
            <a href={localePath(locale, "/trials")}>{t("navTrials")}</a>
            <a href={localePath(locale, "/learn")}>{t("navLearn")}</a>
            <a href={localePath(other, path)} hrefLang={other} lang={other} aria-label={t("languageSwitchLabel")} data-testid="language-switch">
              {t("languageSwitch")}
            </a>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>{t.rich("footer", { source: (chunks) => <a href="https://clinicaltrials.gov/">{chunks}</a> })}</p>
        </footer>
      </body>
    </html>
  );
}
