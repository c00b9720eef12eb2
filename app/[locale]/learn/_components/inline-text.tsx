import { isInternalHref, parseInline } from "@/lib/explainers/inline";
import { localePath, type Locale } from "@/lib/i18n/paths";

/**
 * Text from the content modules: plain text plus `[text](href)` links. Never rendered as HTML. Site
 * paths in the content carry no locale ("/learn/risks"): they get the page's (/es/learn/risks).
 */
export function InlineText({ text, locale }: { text: string; locale: Locale }) {
  return (
    <>
      {parseInline(text).map((node, i) => {
        if (node.type === "text") return node.text;
        if (isInternalHref(node.href)) {
          return (
            <a key={i} href={node.href.startsWith("#") ? node.href : localePath(locale, node.href)}>
              {node.text}
            </a>
          );
        }
        return (
          <a key={i} href={node.href} rel="noopener noreferrer">
            {node.text}
          </a>
        );
      })}
    </>
  );
}
