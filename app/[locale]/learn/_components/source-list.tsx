import type { Source } from "@/lib/explainers/schema";
import styles from "../learn.module.css";

export function SourceList({ sources, heading = "Sources" }: { sources: readonly Source[]; heading?: string }) {
  return (
    <section className={styles.sources} aria-labelledby="sources">
      <h2 id="sources">{heading}</h2>
      <ul>
        {sources.map((source) => (
          <li key={source.url + source.name}>
            <a href={source.url} rel="noopener noreferrer">
              {source.name}
            </a>
            {source.note ? <span className={styles.sourceNote}>{source.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
