import type { Metadata } from "next";
import Link from "next/link";
import { FILTER_HELP, type FilterKind } from "@/lib/explainers/links";
import { CHECKLIST_PATH, EXPLAINER_PAGES, LEARN_MORE, explainerPath } from "@/lib/explainers/pages";
import { FilterHelp } from "./_components/filter-help";
import { MedicalNotice } from "./_components/medical-notice";
import { SourceList } from "./_components/source-list";
import styles from "./learn.module.css";

export const metadata: Metadata = {
  title: "Learn about cell therapy for back pain",
  description: "Plain-language guides to cell therapy trials for back pain from worn discs: cell sources, injection routes, trial phases, evidence, risks, costs and questions to ask.",
};

export default function LearnIndexPage() {
  return (
    <article className={styles.page}>
      <h1>Learn about cell therapy for back pain</h1>
      <p className={styles.summary}>
        Short guides to the words you will meet in trial listings, and to what is known so far. Each guide names its
        sources.
      </p>
      <MedicalNotice />
      <h2 id="guides">The guides</h2>
      <ol className={styles.index}>
        {EXPLAINER_PAGES.map((page) => (
          <li key={page.slug}>
            <Link href={explainerPath(page.slug)}>{page.title}</Link>
            <p>{page.summary}</p>
          </li>
        ))}
      </ol>
      <h2 id="finder-words">The filters on the trial finder</h2>
      <dl className={styles.definitions}>
        {(Object.keys(FILTER_HELP) as FilterKind[]).map((kind) => (
          <div key={kind}>
            <dt>{FILTER_HELP[kind].label}</dt>
            <dd>
              <FilterHelp kind={kind} />
            </dd>
          </div>
        ))}
      </dl>
      <h2 id="checklist">Take questions to your visit</h2>
      <p>
        <Link href={CHECKLIST_PATH}>Print the questions-to-ask checklist</Link>
      </p>
      <SourceList sources={LEARN_MORE} heading="Where to learn more" />
    </article>
  );
}
