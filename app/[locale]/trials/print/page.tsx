import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { allMatches, type TrialSummary } from "@/lib/search/data";
import { label, PHASE_LABEL, phaseText, ROUTE_LABEL, SOURCE_LABEL, STATUS_LABEL } from "@/lib/search/labels";
import { prepareSearch } from "@/lib/search/run";
import { serializeSearch } from "@/lib/search/schema";
import { isDatabaseDown } from "@/lib/db/health";
import "../trials.css";
import { DATABASE_UNREACHABLE } from "@/lib/http/errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Trial list (print)" };

const MAX = 200;

/** The current results as one printable list, to hand to a patient. */
export default async function PrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const prepared = prepareSearch(await searchParams);
  const trials: TrialSummary[] = [];
  try {
    // One more than shown, so "the first 200" is said only when there are more.
    for await (const t of allMatches(db(), prepared.filters, prepared.place, 100)) {
      trials.push(t);
      if (trials.length > MAX) break;
    }
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
    return (
      <p className="notice" role="status">
        {DATABASE_UNREACHABLE}
      </p>
    );
  }
  const more = trials.length > MAX;
  trials.length = Math.min(trials.length, MAX);
  const qs = serializeSearch({ ...prepared.filters, page: 1 }, { withPage: false, withView: false });
  return (
    <>
      <h1>Clinical trials: printed list</h1>
      <p>
        {more ? `The first ${MAX}` : trials.length} trials{prepared.place ? ` near ${prepared.place.label}` : ""}, printed{" "}
        {new Date().toISOString().slice(0, 10)}. Search: <a href={`/trials${qs ? `?${qs}` : ""}`}>/trials{qs ? `?${qs}` : ""}</a>
      </p>
      {prepared.errors.length ? <p className="notice">Left out of this search: {prepared.errors.map((e) => e.message).join("; ")}</p> : null}
      <p className="no-print">
        <a href={`/trials${qs ? `?${qs}` : ""}`}>← Back to the search</a>
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">Trial</th>
            <th scope="col">Status and phase</th>
            <th scope="col">Cells and route</th>
            <th scope="col">Nearest site</th>
          </tr>
        </thead>
        <tbody>
          {trials.map((t) => (
            <tr key={t.nctId}>
              <td>
                {t.title}
                <br />
                <span className="muted">
                  {t.nctId} · clinicaltrials.gov/study/{t.nctId}
                </span>
              </td>
              <td>
                {STATUS_LABEL[t.status]}
                <br />
                {phaseText(t.phase, PHASE_LABEL)}
              </td>
              <td>
                {t.source.map((s) => label(SOURCE_LABEL, s)).join(", ") || "—"}
                <br />
                {t.route.map((r) => label(ROUTE_LABEL, r)).join(", ") || "—"}
              </td>
              <td>
                {t.nearestSite ? [t.nearestSite.facility, t.nearestSite.city, t.nearestSite.state, t.nearestSite.country].filter(Boolean).join(", ") : "—"}
                {t.nearestSite?.distanceMiles != null ? ` (${Math.round(t.nearestSite.distanceMiles)} mi)` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
