import type { TrialFit } from "@/lib/eligibility/schema";
import { numberIn, spanishRecordDate } from "@/lib/i18n/record-dates";
import type { TrialSummary } from "@/lib/search/data";
import { label, phaseText } from "@/lib/search/labels";
import type { UiHelp } from "./help";
import { ResultsBadges } from "./results-badges";

// One search result. No hooks: the server renders it for the first page, the client island for later ones.
// Its words come in `help` in the page's language; the record's own text (title, sponsor, site names)
// stays English and, on a page in another language, is marked lang="en".

const OPEN = new Set(["recruiting", "not-yet-recruiting", "enrolling-by-invitation"]);

function place(s: NonNullable<TrialSummary["nearestSite"]>) {
  return [s.city, s.state, s.country].filter(Boolean).join(", ");
}

/** What the patient's answers say against this trial's stated rules (SPEC §9): informs, never decides. */
function Fit({ fit, words }: { fit: TrialFit; words: UiHelp["fit"] }) {
  if (fit.verdict === "ruled-out") {
    return (
      <p className="fit fit-out" data-fit="ruled-out">
        <strong>{words.rulesOut}</strong> {fit.fails.map((k) => words.names[k] ?? k).join(", ")}
      </p>
    );
  }
  return (
    <p className="fit fit-ok" data-fit="no-conflict">
      {(fit.ask === 1 ? words.noConflict.one : words.noConflict.other).replace("{count}", String(fit.ask))}
    </p>
  );
}

export function TrialCard({ trial: t, help, near }: { trial: TrialSummary & { fit?: TrialFit | null }; help: UiHelp; near?: string }) {
  const site = t.nearestSite;
  const L = help.labels;
  const w = help.words.card;
  const en = help.locale === "en" ? undefined : "en";
  const href = `${help.base}/trials/${t.nctId}${near ? `?near=${encodeURIComponent(near)}` : ""}`;
  const updated = t.lastUpdated && help.locale !== "en" ? (spanishRecordDate(t.lastUpdated) ?? t.lastUpdated) : t.lastUpdated;
  return (
    <li className="card" data-nct={t.nctId}>
      <h3 className="card-title">
        <a href={href} lang={en}>
          {t.title}
        </a>
      </h3>
      {t.fit ? <Fit fit={t.fit} words={help.fit} /> : null}
      <p className="card-meta">
        <span className={`status ${OPEN.has(t.status) ? "status-open" : "status-closed"}`}>{label(L.status, t.status)}</span>
        <span>{phaseText(t.phase, L.phase, L.phaseWords)}</span>
        <span className="muted">{t.nctId}</span>
      </p>
      <ul className="badges" aria-label={w.badges}>
        {t.therapy.map((s) => (
          <li key={`t-${s}`}>
            <a className="badge badge-therapy" href={help.href.therapy[s]}>
              {label(L.therapy, s)}
            </a>
          </li>
        ))}
        {t.source.map((s) => (
          <li key={`s-${s}`}>
            <a className="badge badge-source" href={help.href.source[s]}>
              {label(L.source, s)}
            </a>
          </li>
        ))}
        {t.route.map((s) => (
          <li key={`r-${s}`}>
            <a className="badge badge-route" href={help.href.route[s]}>
              {label(L.route, s)}
            </a>
          </li>
        ))}
      </ul>
      <ResultsBadges trial={t} words={w} base={help.base} />
      {t.flags.length > 0 && (
        <ul className="flags">
          {t.flags.map((f) => (
            <li key={f} className="flag">
              <span aria-hidden="true">⚠ </span>
              <a href={help.href.flag[f] ?? help.href.flag["*"]}>{help.flags[f]?.label ?? f}</a>
              {help.flags[f] ? <span className="muted">: {help.flags[f].explanation}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="card-site">
        {site ? (
          <>
            {site.distanceMiles !== null ? <strong className="distance">{w.distance.replace("{miles}", numberIn(help.locale, Math.round(site.distanceMiles)))}</strong> : null}
            {site.distanceMiles !== null ? " · " : ""}
            {site.distanceMiles !== null ? w.nearestSite : w.site}{" "}
            <span lang={en}>
              {site.facility ? `${site.facility}, ` : ""}
              {place(site)}
            </span>
            {site.status ? ` (${label(L.status, site.status).toLowerCase()})` : ""}
          </>
        ) : (
          <span className="muted">{w.noSite}</span>
        )}
      </p>
      <p className="card-foot muted">
        {t.sponsor ? (
          <>
            {w.sponsor} <span lang={en}>{t.sponsor}</span> ·{" "}
          </>
        ) : null}
        {updated ? w.updated.replace("{date}", updated) : w.noUpdate}
      </p>
    </li>
  );
}

/** A page of results. The server renders the first one (no card code in the first-load bundle); the client island lazy-loads this module for later pages. */
export default function CardList({
  trials,
  help,
  near,
  start,
  stale,
  ruledOutHidden,
}: {
  trials: (TrialSummary & { fit?: TrialFit | null })[];
  help: UiHelp;
  near?: string;
  start: number;
  stale?: boolean;
  ruledOutHidden?: boolean;
}) {
  if (trials.length === 0) {
    return (
      <p className="empty">{ruledOutHidden ? help.words.card.emptyHidden : help.words.card.empty}</p>
    );
  }
  return (
    <ol className={`cards${stale ? " stale" : ""}`} start={start}>
      {trials.map((t) => (
        <TrialCard key={t.nctId} trial={t} help={help} near={near} />
      ))}
    </ol>
  );
}
