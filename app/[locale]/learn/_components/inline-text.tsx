import Link from "next/link";
import { isInternalHref, parseInline } from "@/lib/explainers/inline";

/** Text from the content modules: plain text plus `[text](href)` links. Never rendered as HTML. */
export function InlineText({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((node, i) => {
        if (node.type === "text") return node.text;
        if (isInternalHref(node.href)) {
          return (
            <Link key={i} href={node.href}>
              {node.text}
            </Link>
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
