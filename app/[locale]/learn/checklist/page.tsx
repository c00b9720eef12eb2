import type { Metadata } from "next";
import Link from "next/link";
import { CHECKLIST_PAGE_SLUG, LEARN_PATH, explainerPath, getExplainerPage } from "@/lib/explainers/pages";
import { QUESTIONS_TO_ASK } from "@/lib/explainers/pages/choosing-a-provider";
import { LastReviewed } from "../_components/last-reviewed";
import { MedicalNotice } from "../_components/medical-notice";
import { PrintButton } from "../_components/print-button";
import { SourceList } from "../_components/source-list";
import styles from "../learn.module.css";

export const metadata: Metadata = {
  title: "Questions to ask: printable checklist",
  description: "A checklist of questions to take to a doctor or clinic about cell therapy for back pain.",
};

export default function ChecklistPage() {
  const page = getExplainerPage(CHECKLIST_PAGE_SLUG);
  if (!page) throw new Error(`checklist source page ${CHECKLIST_PAGE_SLUG} is missing`);

  return (
    <article className={styles.page}>
      <p className={`${styles.breadcrumb} ${styles.noPrint}`}>
        <Link href={LEARN_PATH}>All guides</Link>
      </p>
      <h1>Questions to ask: checklist</h1>
      <p className={styles.summary}>
        Print this page and take it to your visit. Tick each question once you have an answer, and write the answer
        down.
      </p>
      <LastReviewed date={page.lastReviewed} />
      <MedicalNotice />
      <p className={styles.noPrint}>
        <PrintButton label="Print this checklist" />
      </p>
      <fieldset className={styles.checklist}>
        <legend>Questions for your doctor or clinic</legend>
        {QUESTIONS_TO_ASK.map((question, i) => (
          <div className={styles.checkItem} key={question}>
            <input type="checkbox" id={`question-${i + 1}`} name={`question-${i + 1}`} />
            <label htmlFor={`question-${i + 1}`}>{question}</label>
            <span className={styles.notesLine} aria-hidden="true" />
          </div>
        ))}
      </fieldset>
      <p className={styles.noPrint}>
        Why these questions matter: <Link href={explainerPath(page.slug, "questions-to-ask")}>{page.title}</Link>
      </p>
      <SourceList sources={page.sources} />
    </article>
  );
}
