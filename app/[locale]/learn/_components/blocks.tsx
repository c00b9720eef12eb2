import type { Block } from "@/lib/explainers/schema";
import styles from "../learn.module.css";
import { InlineText } from "./inline-text";

export function Blocks({ blocks }: { blocks: Block[] }) {
  return blocks.map((block, i) => <BlockView key={i} block={block} />);
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "paragraph":
      return (
        <p>
          <InlineText text={block.text} />
        </p>
      );
    case "list": {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <InlineText text={item} />
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
                <InlineText text={d.term} />
              </dt>
              <dd>
                <InlineText text={d.definition} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case "callout":
      return (
        <aside
          className={block.tone === "warning" ? `${styles.callout} ${styles.calloutWarning}` : styles.callout}
          aria-label={block.title ?? (block.tone === "warning" ? "Warning" : "Note")}
        >
          {block.title ? (
            <p className={styles.calloutTitle}>
              <InlineText text={block.title} />
            </p>
          ) : null}
          <p>
            <InlineText text={block.text} />
          </p>
        </aside>
      );
  }
}
