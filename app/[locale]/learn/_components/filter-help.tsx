import Link from "next/link";
import type { ReactNode } from "react";
import { FILTER_HELP, explainerHref, explainerLabel, type ExplainerKind, type FilterKind } from "@/lib/explainers/links";
import styles from "../learn.module.css";

// Hooks for the trial finder (/trials) and trial pages: the short inline explanation under each
// filter group, and the "what does this mean?" link on each badge and warning flag. Both take their
// text and targets from lib/explainers/links.ts so the wording lives with the content.

/** One or two plain sentences under a filter group, with a link to its explainer. */
export function FilterHelp({ kind, id }: { kind: FilterKind; id?: string }) {
  const help = FILTER_HELP[kind];
  return (
    <p className={styles.filterHelp} id={id} data-filter-help={kind}>
      {help.text}{" "}
      <Link href={help.href} data-filter-help-link={kind}>
        Learn more about {help.label.toLowerCase()}
      </Link>
    </p>
  );
}

/** A link from a badge or flag (e.g. `route=intradiscal`, `flag=stale`) to the section that explains it. */
export function ExplainerLink({ kind, slug, children }: { kind: ExplainerKind; slug: string; children?: ReactNode }) {
  const label = explainerLabel(kind, slug);
  return (
    <Link href={explainerHref(kind, slug)} data-explainer={`${kind}:${slug}`} title={`What this means: ${label}`}>
      {children ?? label}
    </Link>
  );
}
