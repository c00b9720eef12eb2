import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { canonicalRedirect } from "@/lib/search/canonical";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { prepareSearch, runSearch } from "@/lib/search/run";
import { parseSearch, serializeSearch } from "@/lib/search/schema";
import { uiHelp } from "./help";
import CardList from "./trial-card";
import { TrialSearch } from "./trial-search";
import { couldIJoinText } from "./eligibility-text";
import { localeOrDefault } from "@/lib/i18n/paths";
import { messagesFor } from "@/lib/i18n/messages";
import { mapTiles } from "@/lib/env";
import "./trials.css";
import { DATABASE_UNREACHABLE } from "@/lib/http/errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Find trials" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Map tiles: any {z}/{x}/{y} tile URL (MAP_TILE_URL); empty turns the background off. The page and
// its markers work without tiles.
const { url: tileUrl, attribution: tileAttribution } = mapTiles();
const tiles = { url: tileUrl, attribution: tileAttribution };

export default async function TrialsPage({ params, searchParams }: { params: Promise<{ locale?: string }>; searchParams: SearchParams }) {
  const sp = await searchParams;
  const { locale: rawLocale } = await params;
  const locale = localeOrDefault(rawLocale);
  // The client asks /api/trials with this key; the server's first page is handed over under it.
  const initialKey = serializeSearch(parseSearch(sp).filters, { withView: false });
  const prepared = prepareSearch(sp);
  // A form's query (empty fields, defaults) lands on the search's one canonical URL; a query with a
  // bad parameter stays, so the page can say what was wrong.
  const canonical = prepared.errors.length ? null : canonicalRedirect(sp);
  if (canonical) redirect(canonical);
  let result = null;
  try {
    result = await runSearch(db(), prepared);
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
  }
  const help = uiHelp();
  const body = result ? (
    <TrialSearch
      initialKey={initialKey}
      initial={{ ...result, place: prepared.place, errors: prepared.errors.filter((e) => e.param === "near") }}
      initialList={<CardList trials={result.trials} help={help} near={prepared.place ? prepared.filters.near : undefined} start={(result.page - 1) * result.pageSize + 1} />}
      help={help}
      tiles={tiles}
      eligibilityIntro={<p className="help">{messagesFor(locale).eligibility.box.intro}</p>}
      eligibilityText={couldIJoinText(locale)}
    />
  ) : (
    <p className="notice" role="alert">
      {DATABASE_UNREACHABLE}
    </p>
  );
  const feedQs = serializeSearch({ ...prepared.filters, sort: "relevance", page: 1 }, { withPage: false, withView: false });
  return (
    <>
      {/* React puts this in <head>: feed readers find the search's feed (SPEC §10). */}
      <link rel="alternate" type="application/atom+xml" title="New and changed trials for this search" href={`/api/trials.atom${feedQs ? `?${feedQs}` : ""}`} />
      <h1>Find a cell-therapy trial for back and disc pain</h1>
      <p className="lead">
        Trials from ClinicalTrials.gov. Open trials of cell therapy are shown first; change the filters to see others. Every
        change updates the page address, so you can bookmark it or send it to someone.
      </p>
      {body}
    </>
  );
}
