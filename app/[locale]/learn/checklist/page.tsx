import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getLocalizedExplainerPage, questionsToAsk } from "@/lib/explainers/locales";
import { CHECKLIST_PAGE_SLUG, LEARN_PATH, explainerPath } from "@/lib/explainers/pages";
import { localePath, type Locale, localeOrDefault } from "@/lib/i18n/paths";
import { LastReviewed } from "../_components/last-reviewed";
import { MedicalNotice } from "../_components/medical-notice";
import { PrintButton } from "../_components/print-button";
import { SourceList } from "../_components/source-list";
import styles from "../learn.module.css";

type Props = { params: Promise<{ locale: string }> };

const localeOf = async (params: Props["params"]): Promise<Locale> => localeOrDefault((await params).locale);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "learn" });
  return { title: t("checklistTitle"), description: t("checklistDescription") };
}

export default async function ChecklistPage({ params }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "learn" });
  const page = getLocalizedExplainerPage(CHECKLIST_PAGE_SLUG, locale);
  if (!page) throw new Error(`checklist source page ${CHECKLIST_PAGE_SLUG} (${locale}) is missing`);

  return (
    <article className={styles.page}>
      <p className={`${styles.breadcrumb} ${styles.noPrint}`}>
        <a href={localePath(locale, LEARN_PATH)}>{t("allGuides")}</a>
      </p>
      <h1>{t("checklistH1")}</h1>
      <p className={styles.summary}>{t("checklistSummary")}</p>
      <LastReviewed date={page.lastReviewed} locale={locale} />
      <MedicalNotice locale={locale} />
      <p className={styles.noPrint}>
        <PrintButton label={t("printButton")} />
      </p>
      <fieldset className={styles.checklist}>
        <legend>{t("checklistLegend")}</legend>
        {questionsToAsk(locale).map((question, i) => (
          <div className={styles.checkItem} key={question}>
            <input type="checkbox" id={`question-${i + 1}`} name={`question-${i + 1}`} />
            <label htmlFor={`question-${i + 1}`}>{question}</label>
            <span className={styles.notesLine} aria-hidden="true" />
          </div>
        ))}
      </fieldset>
      <p className={styles.noPrint}>
        {t.rich("checklistWhy", { title: page.title, link: (chunks) => <a href={localePath(locale, explainerPath(page.slug, "questions-to-ask"))}>{chunks}</a> })}
      </p>
      <SourceList sources={page.sources} locale={locale} />
    </article>
  );
}
