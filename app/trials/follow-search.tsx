"use client";

import { FOLLOW } from "@/lib/feeds/text";

/** "Follow this search" (SPEC §10): the search's Atom feed, for a feed reader. */
export function FollowSearch({ query }: { query: string }) {
  const feed = `/api/trials.atom${query ? `?${query}` : ""}`;
  return (
    <details className="follow-search" data-testid="follow-search">
      <summary>{FOLLOW.summary}</summary>
      <p>
        {FOLLOW.feedIntro}{" "}
        <a href={feed} type="application/atom+xml" data-testid="feed-link">
          {FOLLOW.feedLink}
        </a>
      </p>
    </details>
  );
}
