"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { formatDuration, formatUtc, TRIGGER_LABEL } from "@/lib/admin/format";
import type { Dashboard as DashboardData, HistoryRunView, RunView } from "@/lib/admin/schema";
import styles from "./admin.module.css";
import { InvalidRecords } from "./invalid-records";

const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 10_000;

export function Dashboard({ initial, expiresAt }: { initial: DashboardData; expiresAt: string }) {
  const router = useRouter();
  const [data, setData] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [openRun, setOpenRun] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  // Why the figures below stopped updating, and since when; null while polling works.
  const [pollError, setPollError] = useState<string | null>(null);
  const [asOf, setAsOf] = useState(() => new Date().toISOString());

  const refresh = useCallback(async () => {
    let res: Response;
    try {
      res = await fetch("/api/admin/status", { cache: "no-store" });
    } catch {
      setPollError("The server could not be reached.");
      return;
    }
    if (res.status === 401) {
      router.refresh(); // session expired: back to the login form
      return;
    }
    const body = (await res.json().catch(() => null)) as (DashboardData & { message?: string }) | null;
    if (!res.ok || typeof body !== "object" || body === null || !("db" in body)) {
      setPollError(body?.message ?? `The server answered HTTP ${res.status}.`);
      return;
    }
    setData(body);
    setAsOf(new Date().toISOString());
    setPollError(null);
  }, [router]);

  // Poll quickly while a run is in progress (here or in another process), slowly otherwise.
  const running = data.running !== null;
  useEffect(() => {
    const t = setInterval(() => void refresh(), running ? POLL_RUNNING_MS : POLL_IDLE_MS);
    return () => clearInterval(t);
  }, [refresh, running]);
  const dbDown = data.db !== "ok";

  async function start(mode: "incremental" | "full") {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/admin/sync", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ mode }) });
      const body = (await res.json().catch(() => ({}))) as { runId?: number; message?: string };
      if (res.status === 202) setMessage(`Started ${mode} sync, run ${body.runId}.`);
      else if (res.status === 409) setMessage(`A sync is already running (run ${body.runId}).`);
      else setMessage(body.message ?? `Could not start the sync (${res.status}).`);
      await refresh();
    } catch {
      setMessage("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  async function logout(everywhere = false) {
    const res = await fetch(everywhere ? "/api/admin/session?scope=all" : "/api/admin/session", { method: "DELETE" }).catch(() => null);
    if (everywhere && !res?.ok) {
      setMessage(res ? (((await res.json().catch(() => ({}))) as { message?: string }).message ?? `Could not end the sessions (${res.status}).`) : "The server could not be reached.");
      return;
    }
    // 503: this browser is logged out but the server could not end the session; say so.
    if (res?.status === 503) setMessage(((await res.json().catch(() => ({}))) as { message?: string }).message ?? "The server could not end the session.");
    router.refresh();
  }

  return (
    <>
      <div className={styles.top}>
        <h1>Admin</h1>
        <p className="muted">
          Session ends {formatUtc(expiresAt)}.{" "}
          <button type="button" onClick={() => void logout()}>
            Log out
          </button>{" "}
          <button type="button" onClick={() => void logout(true)} title="Ends every admin session, in every browser, including this one">
            Log out everywhere
          </button>
        </p>
      </div>

      <section className={styles.panel} aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        {pollError ? (
          <p className="notice" role="alert" data-testid="poll-error">
            Could not refresh the dashboard: {pollError} The figures below are from {formatUtc(asOf)}; it keeps trying.
          </p>
        ) : null}
        <dl className={styles.facts}>
          <dt>Database</dt>
          <dd data-testid="db-status">{data.db === "ok" ? "OK" : "Not reachable"}</dd>
          <dt>Active trials</dt>
          <dd data-testid="count-active">{data.trials?.active ?? "—"}</dd>
          <dt>Removed trials</dt>
          <dd data-testid="count-removed">{data.trials?.removed ?? "—"}</dd>
          <dt>Invalid records</dt>
          <dd data-testid="count-invalid">{data.trials?.invalidRecords ?? "—"}</dd>
          <dt>Last successful sync</dt>
          <dd>
            {data.lastSuccessfulSync
              ? `${formatUtc(data.lastSuccessfulSync.finishedAt)} (run ${data.lastSuccessfulSync.runId})`
              : dbDown
                ? "unknown while the database is not reachable"
                : "never"}
          </dd>
          <dt>ClinicalTrials.gov data as of</dt>
          <dd>{data.lastSuccessfulSync?.dataTimestamp ?? "—"}</dd>
          <dt>Next incremental sync</dt>
          <dd>{formatUtc(data.nextRuns.incremental)}</dd>
          <dt>Next full sync</dt>
          <dd>{formatUtc(data.nextRuns.full)}</dd>
        </dl>
      </section>

      <section className={styles.panel} aria-labelledby="sync-heading">
        <h2 id="sync-heading">Sync</h2>
        <div className={styles.actions}>
          <button type="button" disabled={busy || running} onClick={() => void start("incremental")}>
            Run incremental sync
          </button>
          <button type="button" disabled={busy || running} onClick={() => void start("full")}>
            Run full resync
          </button>
          <span role="status" aria-live="polite">
            {message}
          </span>
        </div>
        {data.running ? <Progress run={data.running} /> : <p className="muted">No sync is running.</p>}
      </section>

      <section className={styles.panel} aria-labelledby="history-heading">
        <h2 id="history-heading">Run history</h2>
        {dbDown ? (
          <p className="muted" data-testid="history-unavailable">
            The run history cannot be read while the database is not reachable.
          </p>
        ) : (
          <History runs={data.history} openRun={openRun} onOpen={setOpenRun} />
        )}
        {openRun !== null ? <InvalidRecords key={openRun} runId={openRun} onClose={() => setOpenRun(null)} /> : null}
      </section>
    </>
  );
}

function Progress({ run }: { run: RunView }) {
  const c = run.counts;
  return (
    <div data-testid="sync-progress" aria-live="polite">
      <p>
        Run {run.runId} ({run.mode}, {TRIGGER_LABEL[run.trigger] ?? run.trigger}) — page{" "}
        <span data-testid="progress-pages">
          {run.pagesDone}
          {run.pagesExpected ? ` of ${run.pagesExpected}` : ""}
        </span>
        , elapsed {formatDuration(run.elapsedMs)}, about {formatDuration(run.estimatedRemainingMs)} left.
      </p>
      {run.heartbeatStale ? (
        <p className="notice" role="status">
          No heartbeat from this run since {formatUtc(run.heartbeatAt)}: its process has probably stopped. The next sync started will mark it abandoned and pick
          up the work.
        </p>
      ) : null}
      {run.pagesExpected ? <progress className={styles.progress} max={run.pagesExpected} value={run.pagesDone} /> : null}
      <p>
        Fetched <strong data-testid="progress-fetched">{c.fetched}</strong>
        {run.totalExpected ? ` of ${run.totalExpected}` : ""} · {c.inserted} new · {c.updated} updated · {c.unchanged} unchanged · {c.invalid} invalid
      </p>
    </div>
  );
}

function History({ runs, openRun, onOpen }: { runs: HistoryRunView[]; openRun: number | null; onOpen: (id: number | null) => void }) {
  if (runs.length === 0) return <p className="muted">No runs yet.</p>;
  return (
    <table className={styles.table} data-testid="run-history">
      <thead>
        <tr>
          <th>Run</th>
          <th>Mode</th>
          <th>Trigger</th>
          <th>Status</th>
          <th>Started</th>
          <th className={styles.num}>Duration</th>
          <th className={styles.num}>Fetched</th>
          <th className={styles.num}>New</th>
          <th className={styles.num}>Updated</th>
          <th className={styles.num}>Unchanged</th>
          <th className={styles.num}>Removed</th>
          <th className={styles.num}>Invalid</th>
          <th className={styles.num}>Changes</th>
          <th className={styles.num}>Digests sent</th>
          <th>Error</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.runId} data-run-id={r.runId} data-status={r.status}>
            <td>{r.runId}</td>
            <td>{r.mode}</td>
            <td>{TRIGGER_LABEL[r.trigger] ?? r.trigger}</td>
            <td>{r.status}</td>
            <td>{formatUtc(r.startedAt)}</td>
            <td className={styles.num}>{formatDuration(r.elapsedMs)}</td>
            <td className={styles.num} data-col="fetched">{r.counts.fetched}</td>
            <td className={styles.num} data-col="inserted">{r.counts.inserted}</td>
            <td className={styles.num} data-col="updated">{r.counts.updated}</td>
            <td className={styles.num} data-col="unchanged">{r.counts.unchanged}</td>
            <td className={styles.num} data-col="removed">{r.counts.removed}</td>
            <td className={styles.num} data-col="invalid">
              {r.counts.invalid > 0 ? (
                <button type="button" aria-expanded={openRun === r.runId} onClick={() => onOpen(openRun === r.runId ? null : r.runId)}>
                  {r.counts.invalid} — view
                </button>
              ) : (
                0
              )}
            </td>
            <td className={styles.num} data-col="changes">
              {r.changes}
            </td>
            <td className={styles.num} data-col="digests">
              <Digests counts={r.digests} />
            </td>
            <td className={styles.error}>{r.error ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Digests sent by a run, and any it queued that have not (or may not have) gone out. */
function Digests({ counts }: { counts: HistoryRunView["digests"] }) {
  const notes = [
    counts.pending ? `${counts.pending} not sent yet` : null,
    counts.failed ? `${counts.failed} given up` : null,
    counts.unknown ? `${counts.unknown} maybe sent (a process stopped while sending)` : null,
  ].filter((n) => n !== null);
  return (
    <>
      <span data-testid="digests-sent">{counts.sent}</span>
      {notes.length ? <span className="muted"> ({notes.join("; ")})</span> : null}
    </>
  );
}
