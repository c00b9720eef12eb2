import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { HomeSearchForm } from "./_home/search-form";
import { Counts, Explainers, OpenTrials } from "./_home/home-sections";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { DATABASE_UNREACHABLE } from "@/lib/http/errors";
import { localePath, type Locale, localeOrDefault } from "@/lib/i18n/paths";
import { prepareSearch, runSearch } from "@/lib/search/run";
import { DEFAULT_FILTERS, serializeSearch } from "@/lib/search/schema";
import { lastSuccessfulRun, trialCounts } from "@/lib/sync/data";
import "./_home/home.css";
import { formatCount } from "./_home/format";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Params = Promise<{ locale: string }>;

/** The open cell-therapy trials (the default search), nearest first at any distance when the home page's URL names a place. */
async function load(near: string | null) {
  const prepared = prepareSearch(near ? { near, radius: "any", sort: "distance" } : {});
  try {
    const [counts, last, open] = await Promise.all([trialCounts(db()), lastSuccessfulRun(db()), runSearch(db(), prepared)]);
    return { ok: true as const, counts, last, open, prepared };
  } catch (err) {
    if (isDatabaseDown(err)) return { ok: false as const };
    throw err;
  }
}

/**
 * The home page's one address per place: `/?near=<place>` (spelled as /trials spells it) or `/`. The
 * form's "order the list below by distance" button sends every field (radius, therapy, status): the
 * list below uses only the place, so anything else is dropped with a redirect.
 */
function canonicalHome(params: Awaited<SearchParams>, locale: Locale): { near: string | null; redirectTo: string | null } {
  const raw = params.near;
  const near = typeof raw === "string" && raw.trim() ? raw.trim().slice(0, 100) : null;
  const canonical = raw === undefined || (near !== null && raw === near);
  const extra = Object.keys(params).some((k) => k !== "near");
  if (canonical && !extra) return { near, redirectTo: null };
  return { near, redirectTo: localePath(locale, near ? `/?${serializeSearch({ ...DEFAULT_FILTERS, near })}` : "/") };
}

/** When the home page's last sync finished, in the page's language (UTC, so the server's zone never shows). */
function syncTime(date: Date, locale: Locale): string {
  if (locale === "en") return date.toUTCString();
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(date);
}

export default async function HomePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const raw = (await params).locale;
  const locale: Locale = localeOrDefault(raw);
  const { near, redirectTo } = canonicalHome(await searchParams, locale);
  if (redirectTo) redirect(redirectTo);
  const t = await getTranslations({ locale, namespace: "home" });
  const common = await getTranslations({ locale, namespace: "common" });
  const data = await load(near);
  const nearError = data.ok ? data.prepared.errors.find((e) => e.param === "near") : undefined;
  const place = data.ok ? data.prepared.place : null;
  const form = {
    label: t("form.label"),
    where: t("form.where"),
    placeholder: t("form.placeholder"),
    radius: t("form.radius"),
    radii: (["25mi", "50mi", "100mi", "250mi", "500mi"] as const).map((v): [string, string] => [v, t("form.radiusMiles", { n: v.replace("mi", "") })]).concat([["any", t("form.radiusAny")]]),
    therapy: t("form.therapy"),
    cellTherapy: t("form.cellTherapy"),
    prp: t("form.prp"),
    acellular: t("form.acellular"),
    everything: t("form.everything"),
    status: t("form.status"),
    statusOpen: t("form.statusOpen"),
    statusAny: t("form.statusAny"),
    submit: t("form.submit"),
    nearest: t("form.nearest"),
  };
  const locate = { button: t("locate.button"), finding: t("locate.finding"), failed: t("locate.failed") };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <HomeSearchForm near={near ?? ""} locale={locale} text={form} locateText={locate} />
      {nearError ? (
        <p className="notice" role="alert" data-testid="home-near-error">
          {locale === "en" ? nearError.message.replace(/^near: /, "") : t("nearNotFound", { place: nearError.value })}
        </p>
      ) : null}
      {!data.ok ? (
        <p className="notice" role="status">
          {locale === "en" ? DATABASE_UNREACHABLE : common("databaseUnreachable")}
        </p>
      ) : (
        <>
          <OpenTrials trials={data.open.trials.slice(0, 10)} total={data.open.total} near={place ? near : null} placeLabel={place?.label ?? null} locale={locale} />
          <Counts facets={data.open.facets} locale={locale} />
          <Explainers locale={locale} />
          <section aria-labelledby="about-h" className="home-section">
            <h2 id="about-h">{t("aboutHeading")}</h2>
            <p className="notice" role="note" data-testid="home-notice">
              {t.rich("notice", { strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            <p>
              {t.rich("onFile", { count: data.counts.active, n: formatCount(data.counts.active, locale), total: (chunks) => <strong data-testid="home-total">{chunks}</strong> })}{" "}
              {data.last?.finishedAt
                ? t.rich("lastUpdated", { date: syncTime(data.last.finishedAt, locale), time: (chunks) => <time dateTime={data.last?.finishedAt?.toISOString()}>{chunks}</time> })
                : t("notSynced")}
            </p>
          </section>
        </>
      )}
    </>
  );
}
