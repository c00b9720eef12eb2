import type { ReactNode } from "react";
import { explainerHref, type ExplainerKind, type FilterKind } from "@/lib/explainers/links";
import { explainerLabelFor, filterHelpFor } from "@/lib/explainers/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { localePath, type Locale } from "@/lib/i18n/paths";
import styles from "../learn.module.css";

// Hooks for the trial finder (/trials) and trial pages: the short inline explanation under each
// filter group, and the "what does this mean?" link on each badge and warning flag. Both take their
// text and targets from lib/explainers/links.ts (Spanish: lib/explainers/locales.ts) so the wording
// lives with the content.

/** One or two plain sentences under a filter group, with a link to its explainer. */
export function FilterHelp({ kind, id, locale = "en" }: { kind: FilterKind; id?: string; locale?: Locale }) {
  const help = filterHelpFor(locale)[kind];
  const t = translatorFor(locale, "learn");
  return (
    <p className={styles.filterHelp} id={id} data-filter-help={kind}>
      {help.text}{" "}
      <a href={localePath(locale, help.href)} data-filter-help-link={kind}>
        {t("filterHelpMore", { topic: help.label.toLowerCase() })}
      </a>
    </p>
  );
}

/** A link from a badge or flag (e.g. `route=intradiscal`, `flag=stale`) to the section that explains it. */
export function ExplainerLink({ kind, slug, children, locale = "en" }: { kind: ExplainerKind; slug: string; children?: ReactNode; locale?: Locale }) {
  const label = explainerLabelFor(kind, slug, locale);
  const t = translatorFor(locale, "learn");
  return (
    <a href={localePath(locale, explainerHref(kind, slug))} data-explainer={`${kind}:${slug}`} title={t("explainerLinkTitle", { label })}>
      {children ?? label}
    </a>
  );
}
