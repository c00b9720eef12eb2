import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { FilterKind } from "@/lib/explainers/links";
import { explainerPagesFor, filterHelpFor } from "@/lib/explainers/locales";
import { CHECKLIST_PATH, LEARN_MORE, explainerPath } from "@/lib/explainers/pages";
import { inSpanish } from "@/lib/explainers/sources-es";
import { localePath, type Locale, localeOrDefault } from "@/lib/i18n/paths";
import { FilterHelp } from "./_components/filter-help";
import { MedicalNotice } from "./_components/medical-notice";
import { SourceList } from "./_components/source-list";
import styles from "./learn.module.css";

type Props = { params: Promise<{ locale: string }> };

const localeOf = async (params: Props["params"]): Promise<Locale> => localeOrDefault((await params).locale);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "learn" });
  return { title: t("indexTitle"), description: t("indexDescription") };
}

export default async function LearnIndexPage({ params }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "learn" });
  const filterHelp = filterHelpFor(locale);
  return (
    <article className={styles.page}>
      <h1>{t("indexTitle")}</h1>
      <p className={styles.summary}>{t("indexSummary")}</p>
      <MedicalNotice locale={locale} />
      <h2 id="guides">{t("guidesHeading")}</h2>
      <ol className={styles.index}>
        {explainerPagesFor(locale).map((page) => (
          <li key={page.slug}>
            <a href={localePath(locale, explainerPath(page.slug))}>{page.title}</a>
            <p>{page.summary}</p>
          </li>
        ))}
      </ol>
      <h2 id="finder-words">{t("filtersHeading")}</h2>
      <dl className={styles.definitions}>
        {(Object.keys(filterHelp) as FilterKind[]).map((kind) => (
          <div key={kind}>
            <dt>{filterHelp[kind].label}</dt>
            <dd>
              <FilterHelp kind={kind} locale={locale} />
            </dd>
          </div>
        ))}
      </dl>
      <h2 id="checklist">{t("checklistHeading")}</h2>
      <p>
        <a href={localePath(locale, CHECKLIST_PATH)}>{t("checklistLink")}</a>
      </p>
      <SourceList sources={locale === "en" ? LEARN_MORE : LEARN_MORE.map(inSpanish)} heading={t("learnMoreHeading")} locale={locale} />
    </article>
  );
}
