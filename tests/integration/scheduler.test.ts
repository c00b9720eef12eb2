import { describe, expect, it } from "vitest";
import { prismaFor } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";
import { LATE_TICK_TOLERANCE_MS, startScheduler } from "../../lib/sync/scheduler";
import { captureLog, fileWorld } from "./helpers/world";

// The worker's scheduled sync still runs when the process is busy at the scheduled second: node-cron's
// default drops a tick whose timer fires more than 1 s late, which on a shared machine left a day's
// schedule without its sync (a chaos round timed out waiting for a tick that was never run).

const world = fileWorld();
const logLines = captureLog();
const NEVER = "0 0 0 1 1 *";

/** node-cron's six fields (second first), in UTC, matching one instant only. */
function cronAt(t: number) {
  const d = new Date(t);
  return `${d.getUTCSeconds()} ${d.getUTCMinutes()} ${d.getUTCHours()} ${d.getUTCDate()} ${d.getUTCMonth() + 1} *`;
}

const messages = () => logLines.map((l) => JSON.parse(l) as { msg: string; runId?: number; task?: string });

describe("a scheduled tick while the process is busy", () => {
  it("runs late rather than being dropped, when the event loop is blocked for 3 s across the scheduled second", async () => {
    process.env.CTGOV_BASE_URL = world.standin.url;
    process.env.CTGOV_RATE_LIMIT_PER_MIN = "6000";
    resetEnvCache();
    expect(LATE_TICK_TOLERANCE_MS).toBeGreaterThan(3_000);
    const T = Math.ceil((Date.now() + 1_500) / 1000) * 1000;
    const scheduler = startScheduler({ prisma: world.database.prisma, incrementalCron: cronAt(T), fullCron: NEVER, digestRetryCron: NEVER });
    try {
      // Busy from just before T until 3 s after it: the timer for T can only fire at T+3 s.
      while (Date.now() < T - 200) await new Promise((r) => setTimeout(r, 20));
      while (Date.now() < T + 3_000) {
        /* the process is busy */
      }
      const deadline = Date.now() + 20_000;
      while (!messages().some((m) => m.msg === "scheduled sync finished") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await scheduler.stop();
    }
    const said = messages().map((m) => m.msg);
    expect(said, said.join("\n")).not.toContain("scheduled tick missed: the process was busy past its tolerance");
    expect(said).toContain("scheduled sync started");
    expect(said).toContain("scheduled sync finished");
    expect(await world.database.prisma.syncRun.findMany({ select: { trigger: true, status: true } })).toEqual([{ trigger: "schedule", status: "succeeded" }]);
  }, 40_000);
});

describe("the digest retry tick when its work fails", () => {
  it("logs the failure at error level and keeps ticking; stopping the scheduler still ends promptly", async () => {
    // Alerts on, and a database that cannot be reached: every retry tick's work throws.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    process.env.ALERTS_FROM = "alerts@example.org";
    resetEnvCache();
    const gone = prismaFor("postgresql://postgres@127.0.0.1:1/unreachable");
    const before = logLines.length;
    const failures = () =>
      logLines
        .slice(before)
        .map((l) => JSON.parse(l) as { msg: string; level: number })
        .filter((m) => m.msg === "alert digest retry failed");
    const scheduler = startScheduler({ prisma: gone, incrementalCron: NEVER, fullCron: NEVER, digestRetryCron: "* * * * * *" });
    try {
      const deadline = Date.now() + 20_000;
      while (failures().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      const stopping = Date.now();
      await scheduler.stop();
      expect(Date.now() - stopping).toBeLessThan(5_000);
      await gone.$disconnect().catch(() => undefined);
      delete process.env.SMTP_URL;
      delete process.env.ALERTS_FROM;
      resetEnvCache();
    }
    // Two failed ticks in a row: the first failure did not stop the schedule.
    expect(failures().length).toBeGreaterThanOrEqual(2);
    expect(failures().every((m) => m.level === 50)).toBe(true);
  }, 40_000);
});
