import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { resolveNear } from "@/lib/geo/resolve";
import { flagsFor, labelsFor } from "@/lib/i18n/labels";
import { localePath, type Locale, localeOrDefault } from "@/lib/i18n/paths";
import { numberIn, spanishRecordDate, spanishStamp } from "@/lib/i18n/record-dates";
import { label, phaseText } from "@/lib/search/labels";
import { getTrial, NCT_ID } from "@/lib/trials/data";
import { spanishAge } from "@/lib/changes/describe";
import { uiHelp } from "../help";
import { TrialDatesLine } from "./dates";
import { EvidenceSection } from "./evidence";
import FitView from "./fit-view";
import { fitText } from "../eligibility-text";
import { Contacts, Eligibility, RecordText, Sites, Why } from "./sections";
import { WhatChanged } from "./what-changed";
import { changesOf } from "@/lib/changes/data";
import "../trials.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ nctId: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).nctId.toUpperCase() };
}

type T = Awaited<ReturnType<typeof getTranslations<"trial">>>;

function ages(t: T, locale: Locale, min: string | null, max: string | null) {
  const age = (a: string) => (locale === "en" ? a : spanishAge(a));
  if (min && max) return t("ages.range", { min: age(min), max: age(max) });
  if (min) return t("ages.min", { min: age(min) });
  if (max) return t("ages.max", { max: age(max) });
  return t("ages.none");
}

export default async function TrialPage({ params, searchParams }: Props) {
  const { nctId, locale: rawLocale } = await params;
  const locale: Locale = localeOrDefault(rawLocale);
  const id = nctId.toUpperCase();
  if (!NCT_ID.test(id)) notFound();
  const t = await getTranslations({ locale, namespace: "trial" });
  const common = await getTranslations({ locale, namespace: "common" });
  const nearRaw = (await searchParams).near;
  const near = typeof nearRaw === "string" && nearRaw.trim() ? nearRaw.trim() : null;
  const resolved = near ? resolveNear(near) : null;
  let trial;
  try {
    trial = await getTrial(db(), id, resolved?.ok ? resolved : null);
  } catch (err) {
    if (!isDatabaseDown(err)) throw err;
    return (
      <p className="notice" role="alert">
        {common("databaseUnreachable")}
      </p>
    );
  }
  if (!trial) notFound();
  // History is extra: a failure to read it must not take the trial page down.
  const history = await changesOf(db(), id, 20).catch(() => null);
  const help = uiHelp();
  const labels = labelsFor(locale);
  const flags = flagsFor(locale);
  const en = locale === "en" ? undefined : "en";
  const here = (href: string | undefined) => (href ? localePath(locale, href) : href);
  const given = trial.interventions.map((i) => i.name).join("; ");
  const sex = trial.eligibility.sex;
  const removedOn = trial.removedAt ? (locale === "en" ? trial.removedAt.slice(0, 10) : (spanishRecordDate(trial.removedAt.slice(0, 10)) ?? trial.removedAt.slice(0, 10))) : null;
  const synced = locale === "en" ? trial.lastSyncedAt.replace("T", " ").slice(0, 16) : spanishStamp(trial.lastSyncedAt);
  return (
    <article>
      <p>
        <a href={localePath(locale, "/trials")}>{t("backToSearch")}</a>
      </p>
      {locale !== "en" ? (
        <p className="muted" data-testid="record-language-note">
          {common("recordLanguageNote")}
        </p>
      ) : null}
      <h1 lang={en}>{trial.title}</h1>
      {removedOn ? (
        <p className="notice" role="status" data-testid="removed-notice">
          {t("removedNotice", { date: removedOn })}
        </p>
      ) : null}
      <p className="card-meta">
        <span className="status">{labels.status[trial.status]}</span>
        <span>{phaseText(trial.phase, labels.phase, labels.phaseWords)}</span>
        <span className="muted">{trial.nctId}</span>
      </p>

      <h2>{t("keyFacts")}</h2>
      <dl className="facts">
        <dt>{t("facts.given")}</dt>
        <dd>
          {trial.therapy.length ? <LinkedList items={trial.therapy} labels={labels.therapy} hrefs={help.href.therapy} here={here} /> : t("notClassified")}
          {given ? (
            <span className="muted">
              {" "}
              (<RecordText locale={locale}>{given}</RecordText>)
            </span>
          ) : null}
        </dd>
        <dt>{t("facts.route")}</dt>
        <dd>{trial.route.length ? <LinkedList items={trial.route} labels={labels.route} hrefs={help.href.route} here={here} /> : t("notStated")}</dd>
        <dt>{t("facts.cells")}</dt>
        <dd>
          {trial.source.length ? <LinkedList items={trial.source} labels={labels.source} hrefs={help.href.source} here={here} /> : t("notApplicable")}
          {trial.donor ? (
            <>
              {" · "}
              <a href={here(help.href.donor[trial.donor])}>{label(labels.donor, trial.donor)}</a>
            </>
          ) : null}
        </dd>
        <dt>{t("facts.howMany")}</dt>
        <dd>
          {trial.enrollment.count !== null
            ? t("enrollment", { count: numberIn(locale, trial.enrollment.count), type: trial.enrollment.type === "ACTUAL" ? "actual" : "other" })
            : t("notStated")}
        </dd>
        <dt>{t("facts.whoCanJoin")}</dt>
        <dd>
          {ages(t, locale, trial.eligibility.minimumAge, trial.eligibility.maximumAge)} · {sex === "ALL" || sex === "FEMALE" || sex === "MALE" ? t(`sex.${sex}`) : t("sex.none")}
          {trial.eligibility.healthyVolunteers ? ` · ${t("healthyVolunteers")}` : ""}
        </dd>
        <dt>{t("facts.status")}</dt>
        <dd>
          <a href={here(help.href.status[trial.status])}>{labels.status[trial.status]}</a>
        </dd>
        <dt>{t("facts.phase")}</dt>
        <dd>
          {trial.phase.length ? (
            <a href={here(help.href.phase[trial.phase[0]!])}>{phaseText(trial.phase, labels.phase, labels.phaseWords)}</a>
          ) : (
            phaseText(trial.phase, labels.phase, labels.phaseWords)
          )}
        </dd>
        <dt>{t("facts.sponsor")}</dt>
        <dd>{trial.sponsor ? <RecordText locale={locale}>{trial.sponsor}</RecordText> : t("notStated")}</dd>
        <dt>{t("facts.dates")}</dt>
        <dd>
          <TrialDatesLine trial={trial} locale={locale} />
        </dd>
      </dl>

      {trial.flags.length > 0 ? (
        <section aria-labelledby="flags-h">
          <h2 id="flags-h">{t("flagsHeading")}</h2>
          <ul className="flags" data-testid="trial-flags">
            {trial.flags.map((f) => {
              const info = flags[f] ?? { label: f.replace(/-/g, " "), explanation: t("flagFallback") };
              return (
                <li key={f} className="flag">
                  <strong>{info.label}</strong>: {info.explanation} <a href={here(help.href.flag[f] ?? help.href.flag["*"])}>{t("whyThisMatters")}</a>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <WhatChanged history={history} locale={locale} />
      <Sites trial={trial} near={near} resolved={resolved} locale={locale} />
      <Contacts contacts={trial.centralContacts} locale={locale} />
      <FitView nctId={trial.nctId} uncovered={trial.uncoveredCriteria} text={fitText(locale)} locale={locale} />
      <Eligibility text={trial.eligibility.criteria} locale={locale} />
      {trial.summary ? (
        <section aria-labelledby="summary-h">
          <h2 id="summary-h">{t("summaryHeading")}</h2>
          {trial.summary.split(/\n\s*\n/).map((p, i) => (
            <p key={i} lang={en}>
              {p}
            </p>
          ))}
        </section>
      ) : null}
      <EvidenceSection trial={trial} locale={locale} />
      <Why why={trial.why} locale={locale} />
      <p>
        <a href={trial.url}>{t("fullRecord")}</a>
      </p>
      <p className="muted">{t.rich("lastSynced", { when: synced, time: (c: ReactNode) => <time dateTime={trial.lastSyncedAt}>{c}</time> })}</p>
    </article>
  );
}

/** Each classification value links to the explainer that says what it means (issue 5: woven in). */
function LinkedList({ items, labels, hrefs, here }: { items: string[]; labels: Record<string, string>; hrefs: Record<string, string>; here: (href: string | undefined) => string | undefined }) {
  return (
    <>
      {items.map((item, i) => (
        <span key={item}>
          {i > 0 ? ", " : null}
          <a href={here(hrefs[item])} data-explainer-link={item}>
            {label(labels, item)}
          </a>
        </span>
      ))}
    </>
  );
}
