"use client";

import { lazy, Suspense, useState } from "react";
import { FOLLOW } from "@/lib/feeds/text";

// Loaded when the box is first opened: most visits never open it.
const AlertForm = lazy(() => import("./alert-form"));

/** "Follow this search" (SPEC §10): the search's Atom feed, and email alerts when the site has them on. */
export function FollowSearch({ query }: { query: string }) {
  const feed = `/api/trials.atom${query ? `?${query}` : ""}`;
  const [opened, setOpened] = useState(false);

  return (
    <details className="follow-search" data-testid="follow-search" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{FOLLOW.summary}</summary>
      <p>
        {FOLLOW.feedIntro}{" "}
        <a href={feed} type="application/atom+xml" data-testid="feed-link">
          {FOLLOW.feedLink}
        </a>
      </p>
      {opened ? (
        <Suspense fallback={null}>
          <AlertForm query={query} />
        </Suspense>
      ) : null}
    </details>
  );
}
