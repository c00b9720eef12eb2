"use client";

import { lazy, Suspense, useState } from "react";
import type { FollowText } from "@/lib/alerts/text";

// Loaded when the box is first opened: most visits never open it.
const AlertForm = lazy(() => import("./alert-form"));

/**
 * "Follow this search" (SPEC §10): the search's Atom feed, and email alerts when the site has them on.
 * `text` comes from the server page (followTextFor(locale), lib/alerts/text.ts) with the page's
 * language, which the alert's emails will use. One prop, and nothing more in /trials' first load than
 * passing it on (the JS budget is spent).
 */
export function FollowSearch({ query, text }: { query: string; text: FollowText }) {
  const feed = `/api/trials.atom${query ? `?${query}` : ""}`;
  const [opened, setOpened] = useState(false);

  return (
    <details className="follow-search" data-testid="follow-search" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{text.summary}</summary>
      <p>
        {text.feedIntro}{" "}
        <a href={feed} type="application/atom+xml" data-testid="feed-link">
          {text.feedLink}
        </a>
      </p>
      {opened ? (
        <Suspense fallback={null}>
          <AlertForm query={query} text={text} />
        </Suspense>
      ) : null}
    </details>
  );
}
