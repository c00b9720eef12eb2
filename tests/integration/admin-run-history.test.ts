import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as statusRoute } from "../../app/api/admin/status/route";
import { installPeerGuardForTests } from "../../lib/admin/client-address";
import { invalidRecordsView } from "../../lib/admin/data";
import type { HistoryRunView } from "../../lib/admin/schema";
import { confirmAlert, subscribe } from "../../lib/alerts/mutations";
import { closeTransports } from "../../lib/alerts/smtp";
import { disconnectAll } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";
import type { TestDatabase } from "./helpers/db";
import { type Inbox, startSmtp } from "./helpers/smtp";
import { type Standin, standinClient, syncOnce, withDatabaseAndStandin } from "./helpers/sync";

// The admin run history (issue 13): each run with the changes it recorded and the digests it sent,
// read through GET /api/admin/status from real syncs, a real database and a real SMTP server.

let database: TestDatabase;
let standin: Standin;
withDatabaseAndStandin((d, s) => {
  database = d;
  standin = s;
});

const TOKEN = "history-admin-token-0123456789abcdef";
const HOST = "127.0.0.1:3100";
const BRTX = "NCT04042844";
let inbox: Inbox;

function useSmtp(url: string) {
  process.env.SMTP_URL = url;
  resetEnvCache();
  closeTransports();
}

async function history(): Promise<HistoryRunView[]> {
  const res = await statusRoute(new Request(`http://${HOST}/api/admin/status`, { headers: { host: HOST, "x-dtf-peer": "10.9.8.7", authorization: `Bearer ${TOKEN}` } }));
  expect(res.status).toBe(200);
  return (await res.json()).history;
}
const rowOf = (rows: HistoryRunView[], runId: number) => rows.find((r) => r.runId === runId)!;

async function setStatus(nctId: string, overallStatus: string) {
  const raw = structuredClone((await database.prisma.trial.findUniqueOrThrow({ where: { nctId } })).raw) as { protocolSection: { statusModule: Record<string, unknown> } };
  raw.protocolSection.statusModule.overallStatus = overallStatus;
  standin.upsertStudy(raw);
}
async function sync() {
  const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full");
  expect(outcome.status).toBe("succeeded");
  return outcome;
}

beforeAll(async () => {
  inbox = await startSmtp();
  Object.assign(process.env, { DATABASE_URL: database.url, ADMIN_TOKEN: TOKEN, PUBLIC_URL: "http://finder.test", ALERTS_FROM: "Disc Trial Finder <alerts@finder.test>" });
  useSmtp(inbox.url);
  installPeerGuardForTests();
});
afterAll(async () => {
  closeTransports();
  await inbox?.close();
  await disconnectAll();
});

describe("the admin run history", () => {
  it("shows how many changes each run recorded and how many digests it sent, and the invalid-record viewer still answers", async () => {
    // First sync into an empty database: one `added` per trial, nobody to mail.
    const first = await sync();
    expect(first.progress.counts.inserted).toBeGreaterThan(100);

    // A confirmed alert on every listed trial, then one trial changes: one change, one digest.
    const made = await subscribe(database.prisma, "history@example.org", "status=any");
    expect("confirmToken" in made).toBe(true);
    expect(await confirmAlert(database.prisma, (made as { confirmToken: string }).confirmToken)).toBe("confirmed");
    await setStatus(BRTX, "ACTIVE_NOT_RECRUITING");
    const second = await sync();
    expect(inbox.messages.filter((m) => m.subject?.startsWith("Trial alert"))).toHaveLength(1);

    // Nothing changed: no changes, no digest.
    const third = await sync();

    // Mail is down: the change is recorded and its digest waits.
    const dead = await startSmtp();
    await dead.close();
    useSmtp(dead.url);
    await setStatus(BRTX, "RECRUITING");
    const fourth = await sync();
    useSmtp(inbox.url);

    const rows = await history();
    expect(rows.map((r) => r.runId)).toEqual([fourth.runId, third.runId, second.runId, first.runId]);
    expect(rowOf(rows, first.runId)).toMatchObject({ changes: first.progress.counts.inserted, digests: { sent: 0, pending: 0, failed: 0, unknown: 0 } });
    expect(rowOf(rows, second.runId)).toMatchObject({ changes: 1, digests: { sent: 1, pending: 0, failed: 0, unknown: 0 } });
    expect(rowOf(rows, third.runId)).toMatchObject({ changes: 0, digests: { sent: 0, pending: 0, failed: 0, unknown: 0 } });
    expect(rowOf(rows, fourth.runId)).toMatchObject({ changes: 1, digests: { sent: 0, pending: 1, failed: 0, unknown: 0 } });
    // The run's own counts are still there beside them.
    expect(rowOf(rows, second.runId).counts.updated).toBe(1);

    // The invalid-record viewer answers as before for a run without invalid records.
    expect(await invalidRecordsView(database.prisma, second.runId)).toEqual({ runId: second.runId, records: [] });
  });
});
