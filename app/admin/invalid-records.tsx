"use client";

import { useEffect, useState } from "react";
import type { InvalidRecordView } from "@/lib/admin/schema";
import styles from "./admin.module.css";

export function InvalidRecords({ runId, onClose }: { runId: number; onClose: () => void }) {
  const [records, setRecords] = useState<InvalidRecordView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetch(`/api/admin/sync/${runId}/invalid`, { cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) throw new Error(`could not load the invalid records (${res.status})`);
        const body = (await res.json()) as { records: InvalidRecordView[] };
        if (live) setRecords(body.records);
      })
      .catch((e: unknown) => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [runId]);

  return (
    <section aria-labelledby="invalid-heading" data-testid="invalid-records">
      <h3 id="invalid-heading">
        Invalid records of run {runId}{" "}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </h3>
      {error ? <p className={styles.error}>{error}</p> : null}
      {records === null && !error ? <p>Loading…</p> : null}
      {records?.length === 0 ? <p>None.</p> : null}
      {records?.map((r) => (
        <details key={r.id} className={styles.panel}>
          <summary>
            <strong>{r.nctId ?? "(no NCT id)"}</strong>: {r.error}
          </summary>
          <pre className={styles.raw}>{JSON.stringify(r.raw, null, 2)}</pre>
        </details>
      ))}
    </section>
  );
}
