import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { explainerPagesFor, getLocalizedExplainerPage, localizedNeighbours } from "@/lib/explainers/locales";
import { LEARN_PATH, explainerPath } from "@/lib/explainers/pages";
import { localePath, LOCALES, type Locale, localeOrDefault } from "@/lib/i18n/paths";
import { Blocks } from "../_components/blocks";
import { LastReviewed } from "../_components/last-reviewed";
import { MedicalNotice } from "../_components/medical-notice";
import { SourceList } from "../_components/source-list";
import styles from "../learn.module.css";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Every explainer is built at build time, in every language; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return LOCALES.flatMap((locale) => explainerPagesFor(locale).map((page) => ({ locale, slug: page.slug })));
}

async function pageOf(params: Props["params"]) {
  const { locale: raw, slug } = await params;
  const locale: Locale = localeOrDefault(raw);
  return { locale, page: getLocalizedExplainerPage(slug, locale) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await pageOf(params);
  if (!page) return {};
  return { title: page.title, description: page.summary };
}

export default async function ExplainerPageView({ params }: Props) {
  const { locale, page } = await pageOf(params);
  if (!page) notFound();
  const t = await getTranslations({ locale, namespace: "learn" });
  const { previous, next } = localizedNeighbours(page.slug, locale);
  const mainSections = page.sections.filter((s) => (s.level ?? 2) === 2);

  return (
    <article className={styles.page}>
      <p className={styles.breadcrumb}>
        <a href={localePath(locale, LEARN_PATH)}>{t("allGuides")}</a>
      </p>
      <h1>{page.title}</h1>
      <p className={styles.summary}>{page.summary}</p>
      <LastReviewed date={page.lastReviewed} locale={locale} />
      <MedicalNotice locale={locale} />

      {mainSections.length > 2 ? (
        <nav className={styles.toc} aria-labelledby="on-this-page">
          <h2 id="on-this-page">{t("onThisPage")}</h2>
          <ul>
            {mainSections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.heading}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {page.sections.map((section) => {
        const Heading = (section.level ?? 2) === 3 ? "h3" : "h2";
        return (
          <section key={section.id}>
            <Heading id={section.id}>{section.heading}</Heading>
            <Blocks blocks={section.body} locale={locale} />
          </section>
        );
      })}

      <SourceList sources={page.sources} locale={locale} />

      <nav className={styles.pager} aria-label={t("moreGuides")}>
        {previous ? (
          <a href={localePath(locale, explainerPath(previous.slug))} rel="prev">
            {t("previous", { title: previous.title })}
          </a>
        ) : null}
        {next ? (
          <a href={localePath(locale, explainerPath(next.slug))} rel="next" className={styles.pagerNext}>
            {t("next", { title: next.title })}
          </a>
        ) : null}
      </nav>
    </article>
  );
}
