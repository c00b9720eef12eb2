import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { retryDigests } from "../../lib/alerts/after-sync";
import { MAX_AGE_MS, MAX_ATTEMPTS } from "../../lib/alerts/digests";
import { confirmAlert, subscribe } from "../../lib/alerts/mutations";
import { closeTransports } from "../../lib/alerts/smtp";
import { resetEnvCache } from "../../lib/env";
import { logger } from "../../lib/logger";
import { startScheduler } from "../../lib/sync/scheduler";
import type { TestDatabase } from "./helpers/db";
import { type Inbox, startSmtp } from "./helpers/smtp";
import { type Standin, standinClient, syncOnce, withDatabaseAndStandin } from "./helpers/sync";

// A digest the mail server was down for (SPEC §10, issue 13): the sync stays green, the digest waits,
// and the worker's retry tick sends it once when mail works again; retries are bounded in number and
// age, and logged without the address. Real syncs, a real database, a real SMTP server in this process.

let database: TestDatabase;
let standin: Standin;
withDatabaseAndStandin((d, s) => {
  database = d;
  standin = s;
});

const ADDRESS = "retry.patient@example.org";
const BRTX = "NCT04042844";
const NEVER = "0 0 1 1 *"; // the scheduler's syncs stay out of the way
let inbox: Inbox;
let deadUrl = "";
const logLines: string[] = [];

function useSmtp(url: string) {
  process.env.SMTP_URL = url;
  resetEnvCache();
  closeTransports();
}
const digests = () => inbox.messages.filter((m) => m.subject?.startsWith("Trial alert"));
const rows = () => database.prisma.alertDigest.findMany({ orderBy: { id: "asc" } });

async function setStatus(overallStatus: string) {
  const raw = structuredClone((await database.prisma.trial.findUniqueOrThrow({ where: { nctId: BRTX } })).raw) as { protocolSection: { statusModule: Record<string, unknown> } };
  raw.protocolSection.statusModule.overallStatus = overallStatus;
  standin.upsertStudy(raw);
}
async function sync() {
  const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full");
  expect(outcome.status).toBe("succeeded");
  return outcome;
}
/** The backoff has elapsed (rather than waiting minutes for it). */
const makeDue = (id: number) => database.prisma.alertDigest.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  const stream = (logger as unknown as Record<symbol, { write(s: string): boolean }>)[pino.symbols.streamSym]!;
  const write = stream.write.bind(stream);
  stream.write = (s: string) => {
    logLines.push(s);
    return write(s);
  };
  logger.level = "trace";
  inbox = await startSmtp();
  const dead = await startSmtp();
  await dead.close(); // a port nothing listens on
  deadUrl = dead.url;
  Object.assign(process.env, { DATABASE_URL: database.url, PUBLIC_URL: "http://finder.test", ALERTS_FROM: "Disc Trial Finder <alerts@finder.test>" });
  useSmtp(inbox.url);
  await sync();
  const made = await subscribe(database.prisma, ADDRESS, "status=any");
  if (!("confirmToken" in made)) throw new Error("expected a new alert");
  expect(await confirmAlert(database.prisma, made.confirmToken)).toBe("confirmed");
});
afterAll(async () => {
  logger.level = "warn";
  closeTransports();
  await inbox?.close();
});

describe("retrying digests a mail failure held back", () => {
  it("server down during the sync: sync green, digest pending; server up: the next retry tick sends it exactly once", async () => {
    useSmtp(deadUrl);
    await setStatus("ACTIVE_NOT_RECRUITING");
    await sync();
    const [pending] = await rows();
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    expect(pending!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now()); // backing off, not hammering
    expect(digests()).toHaveLength(0);

    useSmtp(inbox.url);
    // Not yet due: a tick leaves it alone.
    expect(await retryDigests(database.prisma)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await makeDue(pending!.id);

    const scheduler = startScheduler({ prisma: database.prisma, incrementalCron: NEVER, fullCron: NEVER, digestRetryCron: "* * * * * *" });
    try {
      await until(async () => (await rows())[0]!.status === "sent", "the retry tick to send the digest");
      // More ticks go by: nothing is sent again.
      await new Promise((r) => setTimeout(r, 2500));
    } finally {
      await scheduler.stop();
    }
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.text).toContain("Now active, not recruiting");
    expect(await rows()).toMatchObject([{ id: pending!.id, status: "sent", attempts: 2, error: null }]);
    expect(await database.prisma.syncRun.count()).toBe(2); // the ticks ran no sync
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, and on a digest older than ${MAX_AGE_MS / 3600_000} hours, and never sends either`, async () => {
    useSmtp(deadUrl);
    await setStatus("RECRUITING");
    await sync(); // attempt 1
    const id = (await rows()).at(-1)!.id;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue(id);
      expect(await retryDigests(database.prisma)).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
    }
    const given = await database.prisma.alertDigest.findUniqueOrThrow({ where: { id } });
    expect(given).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(given.error).not.toContain("@");

    // Mail works again: the digest given up stays given up.
    useSmtp(inbox.url);
    await makeDue(id);
    expect(await retryDigests(database.prisma)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await database.prisma.alertDigest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

    // A digest that waited past the age bound (mail off for days, say) is dropped, not sent late.
    useSmtp(deadUrl);
    await setStatus("COMPLETED");
    await sync();
    const old = (await rows()).at(-1)!;
    expect(old).toMatchObject({ status: "pending", attempts: 1 });
    await database.prisma.alertDigest.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - MAX_AGE_MS - 60_000), nextAttemptAt: new Date() } });
    useSmtp(inbox.url);
    expect(await retryDigests(database.prisma)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await database.prisma.alertDigest.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "failed", attempts: 1 });
    expect(digests()).toHaveLength(1);
  });

  it("logged every retry and every giving up, by digest id and never by address", () => {
    const all = logLines.join("\n");
    expect(all).toMatch(/digest not sent; will retry/);
    expect(all).toMatch(/digest not sent; giving up/);
    expect(all).toMatch(/digests too old to send; giving up/);
    expect(all).toMatch(/alert digest retry/);
    expect(all.toLowerCase()).not.toContain(ADDRESS);
    expect(all).not.toMatch(/@example\.org/);
  });
});
