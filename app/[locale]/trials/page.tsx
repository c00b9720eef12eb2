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
import { localeOrDefault, localePath } from "@/lib/i18n/paths";
import { messagesFor } from "@/lib/i18n/messages";
import { followTextFor } from "@/lib/alerts/text";
import { mapTiles } from "@/lib/env";
import "./trials.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Params = Promise<{ locale?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: messagesFor(localeOrDefault((await params).locale)).trials.metaTitle };
}

// Map tiles: any {z}/{x}/{y} tile URL (MAP_TILE_URL); empty turns the background off. The page and
// its markers work without tiles.
const { url: tileUrl, attribution: tileAttribution } = mapTiles();
const tiles = { url: tileUrl, attribution: tileAttribution };

export default async function TrialsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const sp = await searchParams;
  const { locale: rawLocale } = await params;
  const locale = localeOrDefault(rawLocale);
  // The client asks /api/trials with this key; the server's first page is handed over under it.
  const initialKey = serializeSearch(parseSearch(sp).filters, { withView: false });
  const prepared = prepareSearch(sp);
  // A form's query (empty fields, defaults) lands on the search's one canonical URL; a query with a
  // bad parameter stays, so the page can say what was wrong.
  const canonical = prepared.errors.length ? null : canonicalRedirect(sp, localePath(locale, "/trials"));
  if (canonical) redirect(canonical);
  let result = null;
  try {
    result = await runSearch(db(), prepared);
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
  }
  const help = uiHelp(locale);
  const m = messagesFor(locale);
  const body = result ? (
    <TrialSearch
      initialKey={initialKey}
      initial={{ ...result, place: prepared.place, errors: prepared.errors.filter((e) => e.param === "near") }}
      initialList={<CardList trials={result.trials} help={help} near={prepared.place ? prepared.filters.near : undefined} start={(result.page - 1) * result.pageSize + 1} />}
      help={help}
      tiles={tiles}
      eligibilityIntro={<p className="help">{m.eligibility.box.intro}</p>}
      eligibilityText={couldIJoinText(locale)}
      follow={followTextFor(locale)}
    />
  ) : (
    <p className="notice" role="alert">
      {m.common.databaseUnreachable}
    </p>
  );
  const feedQs = serializeSearch({ ...prepared.filters, sort: "relevance", page: 1 }, { withPage: false, withView: false });
  return (
    <>
      {/* React puts this in <head>: feed readers find the search's feed (SPEC §10). */}
      <link rel="alternate" type="application/atom+xml" title={m.trials.feedTitle} href={`/api/trials.atom${feedQs ? `?${feedQs}` : ""}`} />
      <h1>{m.trials.heading}</h1>
      <p className="lead">{m.trials.lead}</p>
      {body}
    </>
  );
}
