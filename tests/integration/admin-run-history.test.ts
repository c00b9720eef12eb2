import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as statusRoute } from "../../app/api/admin/status/route";
import { installPeerGuardForTests } from "../../lib/admin/client-address";
import { invalidRecordsView } from "../../lib/admin/data";
import type { HistoryRunView } from "../../lib/admin/schema";
import { confirmAlert, subscribe } from "../../lib/alerts/mutations";
import { disconnectAll } from "../../lib/db/client";
import { deadSmtpUrl } from "./helpers/smtp";
import { mailWorld } from "./helpers/world";

// The admin run history (issue 13): each run with the changes it recorded and the digests it sent,
// read through GET /api/admin/status from real syncs, a real database and a real SMTP server.

const world = mailWorld();

const TOKEN = "history-admin-token-0123456789abcdef";
const HOST = "127.0.0.1:3100";
const BRTX = "NCT04042844";

async function history(): Promise<HistoryRunView[]> {
  const res = await statusRoute(new Request(`http://${HOST}/api/admin/status`, { headers: { host: HOST, "x-dtf-peer": "10.9.8.7", authorization: `Bearer ${TOKEN}` } }));
  expect(res.status).toBe(200);
  return (await res.json()).history;
}
const rowOf = (rows: HistoryRunView[], runId: number) => rows.find((r) => r.runId === runId)!;

beforeAll(() => {
  process.env.ADMIN_TOKEN = TOKEN;
  installPeerGuardForTests();
});
afterAll(async () => {
  await disconnectAll();
});

describe("the admin run history", () => {
  it("shows how many changes each run recorded and how many digests it sent, and the invalid-record viewer still answers", async () => {
    // First sync into an empty database: one `added` per trial, nobody to mail.
    const first = await world.sync();
    expect(first.progress.counts.inserted).toBeGreaterThan(100);

    // A confirmed alert on every listed trial, then one trial changes: one change, one digest.
    const made = await subscribe(world.database.prisma, "history@example.org", "status=any");
    expect("confirmToken" in made).toBe(true);
    expect(await confirmAlert(world.database.prisma, (made as { confirmToken: string }).confirmToken)).toBe("confirmed");
    await world.setStatus(BRTX, "ACTIVE_NOT_RECRUITING");
    const second = await world.sync();
    expect(world.digests()).toHaveLength(1);

    // Nothing changed: no changes, no digest.
    const third = await world.sync();

    // Mail is down: the change is recorded and its digest waits.
    world.useSmtp(await deadSmtpUrl());
    await world.setStatus(BRTX, "RECRUITING");
    const fourth = await world.sync();
    world.useSmtp(world.inbox.url);

    const rows = await history();
    expect(rows.map((r) => r.runId)).toEqual([fourth.runId, third.runId, second.runId, first.runId]);
    expect(rowOf(rows, first.runId)).toMatchObject({ changes: first.progress.counts.inserted, digests: { sent: 0, pending: 0, failed: 0, unknown: 0 } });
    expect(rowOf(rows, second.runId)).toMatchObject({ changes: 1, digests: { sent: 1, pending: 0, failed: 0, unknown: 0 } });
    expect(rowOf(rows, third.runId)).toMatchObject({ changes: 0, digests: { sent: 0, pending: 0, failed: 0, unknown: 0 } });
    expect(rowOf(rows, fourth.runId)).toMatchObject({ changes: 1, digests: { sent: 0, pending: 1, failed: 0, unknown: 0 } });
    // The run's own counts are still there beside them.
    expect(rowOf(rows, second.runId).counts.updated).toBe(1);

    // The invalid-record viewer answers as before for a run without invalid records.
    expect(await invalidRecordsView(world.database.prisma, second.runId)).toEqual({ runId: second.runId, records: [] });
  });
});
