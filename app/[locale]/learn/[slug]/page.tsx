import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EXPLAINER_PAGES, LEARN_PATH, explainerPath, getExplainerPage, neighbours } from "@/lib/explainers/pages";
import { Blocks } from "../_components/blocks";
import { LastReviewed } from "../_components/last-reviewed";
import { MedicalNotice } from "../_components/medical-notice";
import { SourceList } from "../_components/source-list";
import styles from "../learn.module.css";

type Props = { params: Promise<{ slug: string }> };

// Every explainer is built at build time; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return EXPLAINER_PAGES.map((page) => ({ slug: page.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = getExplainerPage((await params).slug);
  if (!page) return {};
  return { title: page.title, description: page.summary };
}

export default async function ExplainerPageView({ params }: Props) {
  const page = getExplainerPage((await params).slug);
  if (!page) notFound();
  const { previous, next } = neighbours(page.slug);
  const mainSections = page.sections.filter((s) => (s.level ?? 2) === 2);

  return (
    <article className={styles.page}>
      <p className={styles.breadcrumb}>
        <Link href={LEARN_PATH}>All guides</Link>
      </p>
      <h1>{page.title}</h1>
      <p className={styles.summary}>{page.summary}</p>
      <LastReviewed date={page.lastReviewed} />
      <MedicalNotice />

      {mainSections.length > 2 ? (
        <nav className={styles.toc} aria-labelledby="on-this-page">
          <h2 id="on-this-page">On this page</h2>
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
            <Blocks blocks={section.body} />
          </section>
        );
      })}

      <SourceList sources={page.sources} />

      <nav className={styles.pager} aria-label="More guides">
        {previous ? (
          <Link href={explainerPath(previous.slug)} rel="prev">
            ← Previous: {previous.title}
          </Link>
        ) : null}
        {next ? (
          <Link href={explainerPath(next.slug)} rel="next" className={styles.pagerNext}>
            Next: {next.title} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
