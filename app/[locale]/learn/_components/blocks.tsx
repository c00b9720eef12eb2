import type { Block } from "@/lib/explainers/schema";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import styles from "../learn.module.css";
import { InlineText } from "./inline-text";

export function Blocks({ blocks, locale }: { blocks: Block[]; locale: Locale }) {
  return blocks.map((block, i) => <BlockView key={i} block={block} locale={locale} />);
}

function BlockView({ block, locale }: { block: Block; locale: Locale }) {
  switch (block.kind) {
    case "paragraph":
      return (
        <p>
          <InlineText text={block.text} locale={locale} />
        </p>
      );
    case "list": {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <InlineText text={item} locale={locale} />
        </li>
      ));
      return block.style === "numbered" ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case "definitions":
      return (
        <dl className={styles.definitions}>
          {block.items.map((d, i) => (
            <div key={i}>
              <dt>
                <InlineText text={d.term} locale={locale} />
              </dt>
              <dd>
                <InlineText text={d.definition} locale={locale} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case "callout": {
      const t = translatorFor(locale, "learn");
      return (
        <aside
          className={block.tone === "warning" ? `${styles.callout} ${styles.calloutWarning}` : styles.callout}
          aria-label={block.title ?? (block.tone === "warning" ? t("calloutWarning") : t("calloutNote"))}
        >
          {block.title ? (
            <p className={styles.calloutTitle}>
              <InlineText text={block.title} locale={locale} />
            </p>
          ) : null}
          <p>
            <InlineText text={block.text} locale={locale} />
          </p>
        </aside>
      );
    }
  }
}
