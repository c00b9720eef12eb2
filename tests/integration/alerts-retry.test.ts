import { beforeAll, describe, expect, it } from "vitest";

import { retryDigests } from "../../lib/alerts/after-sync";
import { MAX_AGE_MS, MAX_ATTEMPTS } from "../../lib/alerts/digests";
import { confirmAlert, subscribe } from "../../lib/alerts/mutations";
import { startScheduler } from "../../lib/sync/scheduler";
import { deadSmtpUrl } from "./helpers/smtp";
import { captureLog, mailWorld } from "./helpers/world";

// A digest the mail server was down for (SPEC §10, issue 13): the sync stays green, the digest waits,
// and the worker's retry tick sends it once when mail works again; retries are bounded in number and
// age, and logged without the address. Real syncs, a real database, a real SMTP server in this process.

const world = mailWorld();
const logLines = captureLog();

const ADDRESS = "retry.patient@example.org";
const BRTX = "NCT04042844";
const NEVER = "0 0 1 1 *"; // the scheduler's syncs stay out of the way
let deadUrl = "";

const rows = () => world.database.prisma.alertDigest.findMany({ orderBy: { id: "asc" } });
const setStatus = (overallStatus: string) => world.setStatus(BRTX, overallStatus);
/** The backoff has elapsed (rather than waiting minutes for it). */
const makeDue = (id: number) => world.database.prisma.alertDigest.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  deadUrl = await deadSmtpUrl();
  await world.sync();
  const made = await subscribe(world.database.prisma, ADDRESS, "status=any");
  if (!("confirmToken" in made)) throw new Error("expected a new alert");
  expect(await confirmAlert(world.database.prisma, made.confirmToken)).toBe("confirmed");
});

describe("retrying digests a mail failure held back", () => {
  it("server down during the sync: sync green, digest pending; server up: the next retry tick sends it exactly once", async () => {
    world.useSmtp(deadUrl);
    await setStatus("ACTIVE_NOT_RECRUITING");
    await world.sync();
    const [pending] = await rows();
    expect(pending).toMatchObject({ status: "pending", attempts: 1 });
    expect(pending!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now()); // backing off, not hammering
    expect(world.digests()).toHaveLength(0);

    world.useSmtp(world.inbox.url);
    // Not yet due: a tick leaves it alone.
    expect(await retryDigests(world.database.prisma)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await makeDue(pending!.id);

    const scheduler = startScheduler({ prisma: world.database.prisma, incrementalCron: NEVER, fullCron: NEVER, digestRetryCron: "* * * * * *" });
    try {
      await until(async () => (await rows())[0]!.status === "sent", "the retry tick to send the digest");
      // More ticks go by: nothing is sent again.
      await new Promise((r) => setTimeout(r, 2500));
    } finally {
      await scheduler.stop();
    }
    expect(world.digests()).toHaveLength(1);
    expect(world.digests()[0]!.text).toContain("Now active, not recruiting");
    expect(await rows()).toMatchObject([{ id: pending!.id, status: "sent", attempts: 2, error: null }]);
    expect(await world.database.prisma.syncRun.count()).toBe(2); // the ticks ran no sync
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, and on a digest older than ${MAX_AGE_MS / 3600_000} hours, and never sends either`, async () => {
    world.useSmtp(deadUrl);
    await setStatus("RECRUITING");
    await world.sync(); // attempt 1
    const id = (await rows()).at(-1)!.id;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await makeDue(id);
      expect(await retryDigests(world.database.prisma)).toEqual(attempt < MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
    }
    const given = await world.database.prisma.alertDigest.findUniqueOrThrow({ where: { id } });
    expect(given).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(given.error).not.toContain("@");

    // Mail works again: the digest given up stays given up.
    world.useSmtp(world.inbox.url);
    await makeDue(id);
    expect(await retryDigests(world.database.prisma)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await world.database.prisma.alertDigest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

    // A digest that waited past the age bound (mail off for days, say) is dropped, not sent late.
    world.useSmtp(deadUrl);
    await setStatus("COMPLETED");
    await world.sync();
    const old = (await rows()).at(-1)!;
    expect(old).toMatchObject({ status: "pending", attempts: 1 });
    await world.database.prisma.alertDigest.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - MAX_AGE_MS - 60_000), nextAttemptAt: new Date() } });
    world.useSmtp(world.inbox.url);
    expect(await retryDigests(world.database.prisma)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await world.database.prisma.alertDigest.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "failed", attempts: 1 });
    expect(world.digests()).toHaveLength(1);
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
