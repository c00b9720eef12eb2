import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { labelsFor } from "@/lib/i18n/labels";
import { messagesFor, translatorFor } from "@/lib/i18n/messages";
import { localeOrDefault, localePath, type Locale } from "@/lib/i18n/paths";
import { numberIn } from "@/lib/i18n/record-dates";
import { allMatches, type TrialSummary } from "@/lib/search/data";
import { label, phaseText } from "@/lib/search/labels";
import { prepareSearch, type PreparedSearch } from "@/lib/search/run";
import { serializeSearch } from "@/lib/search/schema";
import "../trials.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: messagesFor(localeOrDefault((await params).locale)).trials.print.metaTitle };
}

const MAX = 200;
const DAY = { en: undefined, es: new Intl.DateTimeFormat("es", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) };

/** A refused parameter in the page's language, from its code (the parameter's name as in the URL). */
function leftOut(locale: Locale, e: PreparedSearch["errors"][number]): string {
  const template = (messagesFor(locale).trials.paramErrors.code as Record<string, string>)[e.code];
  return template ? template.replace("{param}", e.param).replace("{value}", e.value).replace("{max}", String(e.max ?? "")) : e.message;
}

/** The current results as one printable list, to hand to a patient. The record's text stays English, marked so. */
export default async function PrintPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = localeOrDefault((await params).locale);
  const m = messagesFor(locale);
  const t = translatorFor(locale, "trials");
  const prepared = prepareSearch(await searchParams);
  const trials: TrialSummary[] = [];
  try {
    // One more than shown, so "the first 200" is said only when there are more.
    for await (const tr of allMatches(db(), prepared.filters, prepared.place, 100)) {
      trials.push(tr);
      if (trials.length > MAX) break;
    }
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
    return (
      <p className="notice" role="status">
        {m.common.databaseUnreachable}
      </p>
    );
  }
  const more = trials.length > MAX;
  trials.length = Math.min(trials.length, MAX);
  const qs = serializeSearch({ ...prepared.filters, page: 1 }, { withPage: false, withView: false });
  const search = localePath(locale, `/trials${qs ? `?${qs}` : ""}`);
  const L = labelsFor(locale);
  const en = locale === "en" ? undefined : "en";
  const today = new Date();
  const date = DAY[locale]?.format(today) ?? today.toISOString().slice(0, 10);
  const near = prepared.place?.label ?? "none";
  return (
    <>
      <h1>{t("print.heading")}</h1>
      <p data-testid="print-summary">
        {more ? t("print.summaryFirst", { count: MAX, near, date }) : t("print.summary", { count: trials.length, near, date })} <a href={search}>{search}</a>
      </p>
      {prepared.errors.length ? (
        <p className="notice" data-testid="print-left-out">
          {t("print.leftOut", { errors: prepared.errors.map((e) => leftOut(locale, e)).join("; ") })}
        </p>
      ) : null}
      <p className="no-print">
        <a href={search}>{t("print.back")}</a>
      </p>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{t("print.trial")}</th>
            <th scope="col">{t("print.statusPhase")}</th>
            <th scope="col">{t("print.cellsRoute")}</th>
            <th scope="col">{t("print.nearestSite")}</th>
          </tr>
        </thead>
        <tbody>
          {trials.map((tr) => (
            <tr key={tr.nctId}>
              <td>
                <span lang={en}>{tr.title}</span>
                <br />
                <span className="muted">
                  {tr.nctId} · clinicaltrials.gov/study/{tr.nctId}
                </span>
              </td>
              <td>
                {label(L.status, tr.status)}
                <br />
                {phaseText(tr.phase, L.phase, L.phaseWords)}
              </td>
              <td>
                {tr.source.map((s) => label(L.source, s)).join(", ") || "—"}
                <br />
                {tr.route.map((r) => label(L.route, r)).join(", ") || "—"}
              </td>
              <td>
                {tr.nearestSite ? <span lang={en}>{[tr.nearestSite.facility, tr.nearestSite.city, tr.nearestSite.state, tr.nearestSite.country].filter(Boolean).join(", ")}</span> : "—"}
                {tr.nearestSite?.distanceMiles != null ? ` (${t("print.miles", { miles: numberIn(locale, Math.round(tr.nearestSite.distanceMiles)) })})` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
