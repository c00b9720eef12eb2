import type { TrialDetail } from "@/lib/trials/data";
import { formatRecordDate } from "@/lib/trials/dates";
import type { GroupValue, PostedResults, PrimaryOutcome, Publication } from "@/lib/trials/evidence";

// "What the record reports": the publications a record lists and the results posted on
// ClinicalTrials.gov, in plain words with the record's own numbers. It never says whether a
// treatment helped: the record's numbers are shown as numbers, its analyses quoted, and the notice
// says what such numbers can and cannot tell. Record text is rendered as React text only.

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

function Publications({ pubs }: { pubs: Publication[] }) {
  const results = pubs.filter((p) => p.reportsResults).length;
  return (
    <>
      <h3 id="pubs-h">Publications listed in the record ({pubs.length})</h3>
      <p className="muted">
        {results
          ? `The record marks ${results === 1 ? "one publication" : `${results} publications`} as reporting this trial's results. The others are background reading or were linked to the trial by ClinicalTrials.gov.`
          : "The record marks none of these as reporting this trial's results: they are background reading or were linked to the trial by ClinicalTrials.gov."}
      </p>
      <ul className="publications" data-testid="publications" aria-labelledby="pubs-h">
        {pubs.map((p, i) => (
          <li key={i} data-reports-results={p.reportsResults}>
            {p.reportsResults ? <strong className="pub-kind">Reports results: </strong> : p.kind === "derived" ? <span className="pub-kind muted">Linked by ClinicalTrials.gov: </span> : <span className="pub-kind muted">Background: </span>}
            {p.citation}
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

function Outcome({ o, index }: { o: PrimaryOutcome; index: number }) {
  const groups = [...new Set(o.rows.flatMap((r) => r.values.map((v) => v.group)))];
  const id = `outcome-${index}`;
  return (
    <div className="outcome" data-testid="primary-outcome">
      <h4 id={id}>{o.title}</h4>
      <p>
        {o.timeFrame ? <>Measured: {o.timeFrame}. </> : null}
        {o.measure ? <>Values: {o.measure.toLowerCase()}</> : null}
        {o.unit ? <>, in {o.unit}</> : null}
        {o.measure || o.unit ? ". " : null}
        {o.analysed.length ? <>People analysed: {o.analysed.map((a) => `${a.group} ${a.value}`).join(", ")}.</> : null}
      </p>
      {o.description ? <p className="muted">{o.description}</p> : null}
      {!o.posted ? (
        <p className="muted">The record says the values for this outcome are not posted.</p>
      ) : o.rows.length && groups.length ? (
        <div className="table-scroll">
          <table className="outcome-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{o.rows.some((r) => r.label) ? "Measure" : "Group"}</th>
                {o.rows.some((r) => r.label) ? groups.map((g) => <th key={g} scope="col">{g}</th>) : <th scope="col">{o.unit ?? "Value"}</th>}
              </tr>
            </thead>
            <tbody>
              {o.rows.some((r) => r.label)
                ? o.rows.map((r, i) => (
                    <tr key={i}>
                      <th scope="row">{r.label ?? "—"}</th>
                      {groups.map((g) => {
                        const v = r.values.find((x) => x.group === g);
                        return <td key={g}>{v ? valueText(v) : "—"}</td>;
                      })}
                    </tr>
                  ))
                : o.rows[0]!.values.map((v) => (
                    <tr key={v.group}>
                      <th scope="row">{v.group}</th>
                      <td>{valueText(v)}</td>
                    </tr>
                  ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No values are given for this outcome.</p>
      )}
      {o.analyses.length ? (
        <p className="muted">
          Statistical analysis given in the record: {o.analyses.join(" · ")}.
        </p>
      ) : null}
    </div>
  );
}

function Results({ r }: { r: PostedResults }) {
  const ae = r.adverseEvents;
  return (
    <div data-testid="posted-results">
      <h3 id="results-h">Results posted on ClinicalTrials.gov</h3>
      <p>
        {r.firstPosted ? <>First posted {formatRecordDate(r.firstPosted)}. </> : null}
        {r.started !== null ? (
          <span data-testid="results-participants">
            {people(r.started)} started
            {r.startedByGroup.length > 1 ? ` (${r.startedByGroup.map((g) => `${g.group}: ${g.value}`).join("; ")})` : ""}
            {r.completed !== null ? ` and ${r.completed} completed the study.` : "."}
          </span>
        ) : (
          "The record gives no count of who started and finished."
        )}
      </p>
      <h4 className="sub">Main (primary) outcomes</h4>
      {r.primaryOutcomes.length ? (
        r.primaryOutcomes.map((o, i) => <Outcome key={i} o={o} index={i} />)
      ) : (
        <p className="muted">The record posts no primary outcome values.</p>
      )}
      <h4 className="sub" id="ae-h">
        Serious adverse events
      </h4>
      {ae && ae.length ? (
        <ul data-testid="adverse-events" aria-labelledby="ae-h">
          {ae.map((g) => (
            <li key={g.group}>
              <strong>{g.group}</strong>: {g.seriousAffected ?? "?"} of {g.atRisk ?? "?"} people had a serious adverse event
              {g.otherAffected !== null ? `; ${g.otherAffected} had other (non-serious) adverse events` : ""}
              {g.deathsAffected !== null ? `; deaths: ${g.deathsAffected}` : ""}.
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">The record posts no adverse-event counts.</p>
      )}
    </div>
  );
}

export function EvidenceSection({ trial }: { trial: Pick<TrialDetail, "evidence" | "flags" | "status" | "url"> }) {
  const { publications, results } = trial.evidence;
  const noResultsFlag = trial.flags.includes("no-results");
  return (
    <section aria-labelledby="evidence-h" className="evidence" data-testid="evidence">
      <h2 id="evidence-h">What the record reports</h2>
      <p className="notice">
        These are the record&apos;s own words and numbers. Results from one trial, in a small group of people, cannot tell you
        what a treatment would do for you; a doctor can help you read them.
      </p>
      {results ? <Results r={results} /> : (
        <p data-testid="no-posted-results">
          No results are posted on ClinicalTrials.gov for this trial
          {trial.status === "completed" ? (noResultsFlag ? " (see “Things to double-check” above)." : ".") : " yet."}
        </p>
      )}
      {publications.length ? <Publications pubs={publications} /> : <p className="muted">The record lists no publications.</p>}
      {results ? (
        <p className="muted">
          Full tables, including secondary outcomes and every adverse event: <a href={`${trial.url}?tab=results`}>the results on ClinicalTrials.gov</a>.
        </p>
      ) : null}
    </section>
  );
}
