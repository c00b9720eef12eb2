import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { resolveNear } from "@/lib/geo/resolve";
import { DONOR_LABEL, label, PHASE_LABEL, phaseText, ROUTE_LABEL, SOURCE_LABEL, STATUS_LABEL, THERAPY_LABEL } from "@/lib/search/labels";
import { getTrial, NCT_ID } from "@/lib/trials/data";
import { flagInfo, uiHelp } from "../help";
import { TrialDatesLine } from "./dates";
import { EvidenceSection } from "./evidence";
import FitView from "./fit-view";
import { fitText } from "../eligibility-text";
import { isLocale } from "@/lib/i18n/paths";
import { Contacts, Eligibility, Sites, Why } from "./sections";
import { WhatChanged } from "./what-changed";
import { changesOf } from "@/lib/changes/data";
import "../trials.css";
import { DATABASE_UNREACHABLE } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ nctId: string; locale?: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).nctId.toUpperCase() };
}

const SEX: Record<string, string> = { ALL: "All sexes", FEMALE: "Women only", MALE: "Men only" };

function ages(min: string | null, max: string | null) {
  if (min && max) return `${min} to ${max}`;
  if (min) return `${min} and older`;
  if (max) return `Up to ${max}`;
  return "Not stated";
}

export default async function TrialPage({ params, searchParams }: Props) {
  const { nctId, locale: rawLocale } = await params;
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const id = nctId.toUpperCase();
  if (!NCT_ID.test(id)) notFound();
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
        {DATABASE_UNREACHABLE}
      </p>
    );
  }
  if (!trial) notFound();
  // History is extra: a failure to read it must not take the trial page down.
  const history = await changesOf(db(), id, 20).catch(() => null);
  const help = uiHelp();
  const given = trial.interventions.map((i) => i.name).join("; ");
  return (
    <article>
      <p>
        <Link href="/trials">← Back to trial search</Link>
      </p>
      <h1>{trial.title}</h1>
      {trial.removedAt ? (
        <p className="notice" role="status" data-testid="removed-notice">
          This trial is no longer listed in ClinicalTrials.gov&apos;s results for this topic (noticed{" "}
          {trial.removedAt.slice(0, 10)}). It may have been withdrawn from the register, merged with another record, or
          reworded. What we last saw is kept below; check the record on ClinicalTrials.gov before relying on it.
        </p>
      ) : null}
      <p className="card-meta">
        <span className="status">{STATUS_LABEL[trial.status]}</span>
        <span>{phaseText(trial.phase, PHASE_LABEL)}</span>
        <span className="muted">{trial.nctId}</span>
      </p>

      <h2>Key facts</h2>
      <dl className="facts">
        <dt>What is given</dt>
        <dd>
          {trial.therapy.length ? <LinkedList items={trial.therapy} labels={THERAPY_LABEL} hrefs={help.href.therapy} /> : "Not classified"}
          {given ? <span className="muted"> ({given})</span> : null}
        </dd>
        <dt>Where it is injected</dt>
        <dd>{trial.route.length ? <LinkedList items={trial.route} labels={ROUTE_LABEL} hrefs={help.href.route} /> : "Not stated"}</dd>
        <dt>Cells used</dt>
        <dd>
          {trial.source.length ? <LinkedList items={trial.source} labels={SOURCE_LABEL} hrefs={help.href.source} /> : "Not applicable or not stated"}
          {trial.donor ? (
            <>
              {" · "}
              <a href={help.href.donor[trial.donor]}>{label(DONOR_LABEL, trial.donor)}</a>
            </>
          ) : null}
        </dd>
        <dt>How many people</dt>
        <dd>
          {trial.enrollment.count !== null
            ? `${trial.enrollment.count} ${trial.enrollment.type === "ACTUAL" ? "took part" : "planned"}`
            : "Not stated"}
        </dd>
        <dt>Who can join</dt>
        <dd>
          Ages {ages(trial.eligibility.minimumAge, trial.eligibility.maximumAge)} · {SEX[trial.eligibility.sex ?? ""] ?? "Sex not stated"}
          {trial.eligibility.healthyVolunteers ? " · Healthy volunteers accepted" : ""}
        </dd>
        <dt>Status</dt>
        <dd>
          <a href={help.href.status[trial.status]}>{STATUS_LABEL[trial.status]}</a>
        </dd>
        <dt>Phase</dt>
        <dd>{trial.phase.length ? <a href={help.href.phase[trial.phase[0]!]}>{phaseText(trial.phase, PHASE_LABEL)}</a> : phaseText(trial.phase, PHASE_LABEL)}</dd>
        <dt>Sponsor</dt>
        <dd>{trial.sponsor ?? "Not stated"}</dd>
        <dt>Dates</dt>
        <dd>
          <TrialDatesLine trial={trial} />
        </dd>
      </dl>

      {trial.flags.length > 0 ? (
        <section aria-labelledby="flags-h">
          <h2 id="flags-h">Things to double-check</h2>
          <ul className="flags" data-testid="trial-flags">
            {trial.flags.map((f) => (
              <li key={f} className="flag">
                <strong>{flagInfo(f).label}</strong>: {flagInfo(f).explanation} <a href={help.href.flag[f] ?? help.href.flag["*"]}>Why this matters</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <WhatChanged history={history} />
      <Sites trial={trial} near={near} resolved={resolved} />
      <Contacts contacts={trial.centralContacts} />
      <FitView nctId={trial.nctId} uncovered={trial.uncoveredCriteria} text={fitText(locale)} locale={locale} />
      <Eligibility text={trial.eligibility.criteria} />
      {trial.summary ? (
        <section aria-labelledby="summary-h">
          <h2 id="summary-h">Summary from the record</h2>
          {trial.summary.split(/\n\s*\n/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}
      <EvidenceSection trial={trial} />
      <Why why={trial.why} />
      <p>
        <a href={trial.url}>See the full record on ClinicalTrials.gov</a>
      </p>
      <p className="muted">
        Last synced from ClinicalTrials.gov: <time dateTime={trial.lastSyncedAt}>{trial.lastSyncedAt.replace("T", " ").slice(0, 16)} UTC</time>
      </p>
    </article>
  );
}

/** Each classification value links to the explainer that says what it means (issue 5: woven in). */
function LinkedList({ items, labels, hrefs }: { items: string[]; labels: Record<string, string>; hrefs: Record<string, string> }) {
  return (
    <>
      {items.map((item, i) => (
        <span key={item}>
          {i > 0 ? ", " : null}
          <a href={hrefs[item]} data-explainer-link={item}>
            {label(labels, item)}
          </a>
        </span>
      ))}
    </>
  );
}
