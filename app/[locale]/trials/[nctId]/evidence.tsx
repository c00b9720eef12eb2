import type { ReactNode } from "react";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import { spanishRecordDate } from "@/lib/i18n/record-dates";
import type { TrialDetail } from "@/lib/trials/data";
import { formatRecordDate } from "@/lib/trials/dates";
import type { GroupValue, PostedResults, PrimaryOutcome, Publication } from "@/lib/trials/evidence";

// "What the record reports": the publications a record lists and the results posted on
// ClinicalTrials.gov, in plain words with the record's own numbers. It never says whether a
// treatment helped: the record's numbers are shown as numbers, its analyses quoted, and the notice
// says what such numbers can and cannot tell. Record text is rendered as React text only; on a
// Spanish page it is marked lang="en" (the catalogue's <rec> tag, or the lang attribute below).

type T = ReturnType<typeof translatorFor<"trial">>;

function textOf(locale: Locale) {
  const t = translatorFor(locale, "trial");
  const empty = (c: ReactNode) => c === "" || (Array.isArray(c) && c.every((x) => x === ""));
  const rec = (chunks: ReactNode) => (locale === "en" || empty(chunks) ? chunks : <span lang="en">{chunks}</span>);
  const en = locale === "en" ? undefined : "en";
  return { t, rec, en };
}

function Publications({ pubs, locale }: { pubs: Publication[]; locale: Locale }) {
  const { t, en } = textOf(locale);
  const results = pubs.filter((p) => p.reportsResults).length;
  return (
    <>
      <h3 id="pubs-h">{t("evidence.publications.heading", { count: pubs.length })}</h3>
      <p className="muted">{results ? t("evidence.publications.marked", { count: results }) : t("evidence.publications.markedNone")}</p>
      <ul className="publications" data-testid="publications" aria-labelledby="pubs-h">
        {pubs.map((p, i) => (
          <li key={i} data-reports-results={p.reportsResults}>
            {p.reportsResults ? (
              <strong className="pub-kind">{t("evidence.publications.reportsResults")} </strong>
            ) : p.kind === "derived" ? (
              <span className="pub-kind muted">{t("evidence.publications.linked")} </span>
            ) : (
              <span className="pub-kind muted">{t("evidence.publications.background")} </span>
            )}
            {en ? <span lang={en}>{p.citation}</span> : p.citation}
            {p.pubmedUrl ? (
              <>
                {" "}
                <a href={p.pubmedUrl} data-testid="pubmed-link" rel="noopener">
                  PubMed {p.pmid}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function valueText(v: GroupValue) {
  return v.spread ? `${v.value} (${v.spread})` : v.value;
}

function Outcome({ o, index, locale }: { o: PrimaryOutcome; index: number; locale: Locale }) {
  const { t, rec, en } = textOf(locale);
  const groups = [...new Set(o.rows.flatMap((r) => r.values.map((v) => v.group)))];
  const id = `outcome-${index}`;
  return (
    <div className="outcome" data-testid="primary-outcome">
      <h4 id={id} lang={en}>
        {o.title}
      </h4>
      <p>
        {o.timeFrame ? <>{t.rich("evidence.outcome.measured", { timeFrame: o.timeFrame, rec })} </> : null}
        {o.measure ? t.rich("evidence.outcome.values", { measure: o.measure.toLowerCase(), rec }) : null}
        {o.unit ? t.rich("evidence.outcome.unit", { unit: o.unit, rec }) : null}
        {o.measure || o.unit ? ". " : null}
        {o.analysed.length ? t.rich("evidence.outcome.analysed", { list: o.analysed.map((a) => `${a.group} ${a.value}`).join(", "), rec }) : null}
      </p>
      {o.description ? (
        <p className="muted" lang={en}>
          {o.description}
        </p>
      ) : null}
      {!o.posted ? (
        <p className="muted">{t("evidence.outcome.notPosted")}</p>
      ) : o.rows.length && groups.length ? (
        <div className="table-scroll">
          <table className="outcome-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{o.rows.some((r) => r.label) ? t("evidence.outcome.measure") : t("evidence.outcome.group")}</th>
                {o.rows.some((r) => r.label) ? (
                  groups.map((g) => (
                    <th key={g} scope="col" lang={en}>
                      {g}
                    </th>
                  ))
                ) : (
                  <th scope="col" lang={o.unit ? en : undefined}>
                    {o.unit ?? t("evidence.outcome.value")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {o.rows.some((r) => r.label)
                ? o.rows.map((r, i) => (
                    <tr key={i}>
                      <th scope="row" lang={r.label ? en : undefined}>
                        {r.label ?? "—"}
                      </th>
                      {groups.map((g) => {
                        const v = r.values.find((x) => x.group === g);
                        return <td key={g}>{v ? valueText(v) : "—"}</td>;
                      })}
                    </tr>
                  ))
                : o.rows[0]!.values.map((v) => (
                    <tr key={v.group}>
                      <th scope="row" lang={en}>
                        {v.group}
                      </th>
                      <td>{valueText(v)}</td>
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("evidence.outcome.noValues")}</p>
      )}
      {o.analyses.length ? <p className="muted">{t.rich("evidence.outcome.analyses", { list: o.analyses.join(" · "), rec })}</p> : null}
    </div>
  );
}

function startedLine(t: T, r: PostedResults, rec: (c: ReactNode) => ReactNode) {
  const people = t("evidence.results.people", { count: r.started! });
  const groups = r.startedByGroup.length > 1 ? ` (${r.startedByGroup.map((g) => `${g.group}: ${g.value}`).join("; ")})` : "";
  return r.completed !== null
    ? t.rich("evidence.results.startedCompleted", { people, groups, completed: r.completed, rec })
    : t.rich("evidence.results.started", { people, groups, rec });
}

function Results({ r, locale }: { r: PostedResults; locale: Locale }) {
  const { t, rec } = textOf(locale);
  const ae = r.adverseEvents;
  const posted = r.firstPosted ? (locale === "en" ? formatRecordDate(r.firstPosted) : (spanishRecordDate(r.firstPosted.date) ?? r.firstPosted.date)) : null;
  return (
    <div data-testid="posted-results">
      <h3 id="results-h">{t("evidence.results.heading")}</h3>
      <p>
        {posted ? <>{t("evidence.results.firstPosted", { date: posted })} </> : null}
        {r.started !== null ? <span data-testid="results-participants">{startedLine(t, r, rec)}</span> : t("evidence.results.noCount")}
      </p>
      <h4 className="sub">{t("evidence.results.primaryHeading")}</h4>
      {r.primaryOutcomes.length ? (
        r.primaryOutcomes.map((o, i) => <Outcome key={i} o={o} index={i} locale={locale} />)
      ) : (
        <p className="muted">{t("evidence.results.noPrimary")}</p>
      )}
      <h4 className="sub" id="ae-h">
        {t("evidence.results.aeHeading")}
      </h4>
      {ae && ae.length ? (
        <ul data-testid="adverse-events" aria-labelledby="ae-h">
          {ae.map((g) => (
            <li key={g.group}>
              {t.rich("evidence.results.ae", {
                group: g.group,
                serious: g.seriousAffected ?? "?",
                atRisk: g.atRisk ?? "?",
                other: g.otherAffected !== null ? t("evidence.results.aeOther", { count: g.otherAffected }) : "",
                deaths: g.deathsAffected !== null ? t("evidence.results.aeDeaths", { count: g.deathsAffected }) : "",
                strong: (c) => <strong>{c}</strong>,
                rec,
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("evidence.results.noAe")}</p>
      )}
    </div>
  );
}

export function EvidenceSection({ trial, locale = "en" }: { trial: Pick<TrialDetail, "evidence" | "flags" | "status" | "url">; locale?: Locale }) {
  const { t } = textOf(locale);
  const { publications, results } = trial.evidence;
  const noResultsFlag = trial.flags.includes("no-results");
  const state = trial.status === "completed" ? (noResultsFlag ? "flagged" : "completed") : "other";
  return (
    <section aria-labelledby="evidence-h" className="evidence" data-testid="evidence">
      <h2 id="evidence-h">{t("evidence.heading")}</h2>
      <p className="notice">{t("evidence.notice")}</p>
      {results ? <Results r={results} locale={locale} /> : <p data-testid="no-posted-results">{t("evidence.noResults", { state })}</p>}
      {publications.length ? <Publications pubs={publications} locale={locale} /> : <p className="muted">{t("evidence.noPublications")}</p>}
      {results ? (
        <p className="muted">
          {t.rich("evidence.fullTables", { link: (c) => <a href={`${trial.url}?tab=results`}>{c}</a> })}
        </p>
      ) : null}
    </section>
  );
}
