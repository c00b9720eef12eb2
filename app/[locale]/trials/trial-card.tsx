import { shortName } from "@/lib/eligibility/answer-names";
import type { TrialFit } from "@/lib/eligibility/schema";
import type { TrialSummary } from "@/lib/search/data";
import { label, phaseText } from "@/lib/search/labels";
import type { UiHelp } from "./help";
import { ResultsBadges } from "./results-badges";

// One search result. No hooks: the server renders it for the first page, the client island for later ones.

const OPEN = new Set(["recruiting", "not-yet-recruiting", "enrolling-by-invitation"]);

function place(s: NonNullable<TrialSummary["nearestSite"]>) {
  return [s.city, s.state, s.country].filter(Boolean).join(", ");
}

/** What the patient's answers say against this trial's stated rules (SPEC §9): informs, never decides. */
function Fit({ fit }: { fit: TrialFit }) {
  const things = `${fit.ask} ${fit.ask === 1 ? "thing" : "things"} to ask`;
  if (fit.verdict === "ruled-out") {
    return (
      <p className="fit fit-out" data-fit="ruled-out">
        <strong>Rules you out:</strong> {fit.fails.map((k) => shortName(k)).join(", ")}
      </p>
    );
  }
  return (
    <p className="fit fit-ok" data-fit="no-conflict">
      No conflict with your answers · {things}
    </p>
  );
}

export function TrialCard({ trial: t, help, near }: { trial: TrialSummary & { fit?: TrialFit | null }; help: UiHelp; near?: string }) {
  const site = t.nearestSite;
  const L = help.labels;
  const href = `/trials/${t.nctId}${near ? `?near=${encodeURIComponent(near)}` : ""}`;
  return (
    <li className="card" data-nct={t.nctId}>
      <h3 className="card-title">
        <a href={href}>{t.title}</a>
      </h3>
      {t.fit ? <Fit fit={t.fit} /> : null}
      <p className="card-meta">
        <span className={`status ${OPEN.has(t.status) ? "status-open" : "status-closed"}`}>{label(L.status, t.status)}</span>
        <span>{phaseText(t.phase, L.phase)}</span>
        <span className="muted">{t.nctId}</span>
      </p>
      <ul className="badges" aria-label="What the trial gives">
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
      <ResultsBadges trial={t} />
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
            {site.distanceMiles !== null ? <strong className="distance">{Math.round(site.distanceMiles)} mi</strong> : null}
            {site.distanceMiles !== null ? " · " : ""}
            {site.distanceMiles !== null ? "Nearest site: " : "Site: "}
            {site.facility ? `${site.facility}, ` : ""}
            {place(site)}
            {site.status ? ` (${label(L.status, site.status).toLowerCase()})` : ""}
          </>
        ) : (
          <span className="muted">No site listed</span>
        )}
      </p>
      <p className="card-foot muted">
        {t.sponsor ? <>Sponsor: {t.sponsor} · </> : null}
        {t.lastUpdated ? <>Updated {t.lastUpdated}</> : "Update date not stated"}
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
      <p className="empty">
        {ruledOutHidden
          ? "No trials are left once those that rule you out by your answers are hidden. Untick “Hide trials that rule me out” to see them, or remove a filter."
          : "No trials match all of these filters. Try removing one, or widen the distance."}
      </p>
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
