import type { Profile, TrialFit } from "@/lib/eligibility/schema";
import type { SearchResult, TrialSummary } from "@/lib/search/data";

// The client's one call: GET /api/trials. A 400 names the bad parameters; they are dropped and the
// request made again, so the page shows a message while the other filters keep working.

/** `code` says why (lib/search/schema.ts SearchParamErrorCode) so the page can say it in its own language; `message` is the API's English. */
export type ApiError = { param: string; message: string; code?: string; max?: number; allowed?: readonly string[]; suggestions?: string[] };
/** A result with its eligibility fit when the search carried answers (POST /api/trials). */
export type TrialResult = TrialSummary & { fit?: TrialFit | null };
export type TrialsPage = Omit<SearchResult, "trials"> & { trials: TrialResult[]; place: { lat: number; lon: number; label: string } | null; errors: ApiError[] };

/** What the search says when the server cannot be reached (the English page; others say it in their own words). */
export const UNREACHABLE = "Could not reach the trial finder. Check your connection, then try again.";

/** fetch, with the browser's own network-failure text ("Failed to fetch") replaced by ours; a cancelled request stays an AbortError. */
export async function fetchOrExplain(url: string, signal?: AbortSignal, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new Error(UNREACHABLE);
  }
}

/** With answers the search is a POST (SPEC §9): the answers go in its body, never in the URL. */
export type WithAnswers = { profile: Profile; hideRuledOut: boolean };

export async function fetchTrials(apiQs: string, signal?: AbortSignal, withAnswers?: WithAnswers): Promise<TrialsPage> {
  let qs = apiQs;
  const errors: ApiError[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = withAnswers
      ? await fetchOrExplain("/api/trials", signal, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: qs, ...withAnswers }) })
      : await fetchOrExplain(`/api/trials${qs ? `?${qs}` : ""}`, signal);
    if (res.ok) return { ...((await res.json()) as Omit<TrialsPage, "errors">), errors };
    const body = (await res.json().catch(() => null)) as { message?: string; errors?: ApiError[] } | null;
    if (res.status !== 400 || !body?.errors?.length) throw new Error(body?.message ?? `The search failed (HTTP ${res.status}).`);
    errors.push(...body.errors);
    const params = new URLSearchParams(qs);
    for (const e of body.errors) params.delete(e.param);
    if (body.errors.some((e) => e.param === "near") && params.get("sort") === "distance") params.delete("sort");
    qs = params.toString();
  }
  throw new Error("The search failed.");
}
