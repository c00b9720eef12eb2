"use client";

import { keepPreviousData, QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useLayoutEffect, useState } from "react";
import type { TrialsPage } from "./fetch-trials";

// react-query, loaded only when the search first needs it (docs/decisions/031-query-on-interaction.md):
// the first page of results comes rendered from the server, so the query library joins the page when
// the visitor first touches, clicks or tabs into the search (or when the search shown is not the
// server's: saved answers, back/forward). It renders nothing: it runs the query for the search shown
// and reports its state to the search (./trial-search.tsx), which owns the screen.

/** What the search shows of a query: its state for one key. */
export type QueryView = {
  key: string;
  data: TrialsPage | undefined;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  isPlaceholderData: boolean;
  isPending: boolean;
  refetch: () => void;
};

export type QueryDriverProps = {
  /** The query key, already a string (the canonical search and a counter of answer changes, never the answers). */
  queryKey: readonly unknown[];
  fetchPage: (signal: AbortSignal) => Promise<TrialsPage>;
  /** The server's page when the key is the server's search. */
  initialData: TrialsPage | undefined;
  /** Shown, dimmed, until the first answer of a key arrives when there is no previous one. */
  placeholder: TrialsPage | undefined;
  onView: (view: QueryView) => void;
};

export default function QueryDriver(props: QueryDriverProps) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, gcTime: 5 * 60_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <Drive {...props} />
    </QueryClientProvider>
  );
}

function Drive({ queryKey, fetchPage, initialData, placeholder, onView }: QueryDriverProps) {
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchPage(signal),
    initialData,
    placeholderData: (previous) => keepPreviousData(previous) ?? placeholder,
  });
  const key = JSON.stringify(queryKey);
  const { data, isFetching, isError, error, isPlaceholderData, isPending, refetch } = query;
  // Before paint, so the search never shows a frame of the previous key's state as the new one's.
  useLayoutEffect(() => {
    onView({ key, data, isFetching, isError, error, isPlaceholderData, isPending, refetch: () => void refetch() });
  }, [onView, key, data, isFetching, isError, error, isPlaceholderData, isPending, refetch]);
  return null;
}
