import type { Source } from "@/lib/explainers/schema";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import styles from "../learn.module.css";

/**
 * A source's name is the publisher's title, in English, except the trial records the Spanish pages
 * name themselves ("Registro NCT… en ClinicalTrials.gov", lib/explainers/sources-es.ts).
 */
function nameLang(source: Source, locale: Locale): "en" | undefined {
  return locale !== "en" && !/^Registro NCT\d{8}\b/.test(source.name) ? "en" : undefined;
}

export function SourceList({ sources, heading, locale }: { sources: readonly Source[]; heading?: string; locale: Locale }) {
  const t = translatorFor(locale, "learn");
  return (
    <section className={styles.sources} aria-labelledby="sources">
      <h2 id="sources">{heading ?? t("sources")}</h2>
      <ul>
        {sources.map((source) => (
          <li key={source.url + source.name}>
            <a href={source.url} rel="noopener noreferrer" lang={nameLang(source, locale)}>
              {source.name}
            </a>
            {source.note ? <span className={styles.sourceNote}>{source.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
