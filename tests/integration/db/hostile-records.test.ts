import { describe, expect, it } from "vitest";
import { invalidRecordsView } from "../../../lib/admin/data";
import { PRUNED } from "../../../lib/sync/depth";
import type { TestDatabase } from "../helpers/db";
import { type Standin, standinClient, syncOnce, withDatabaseAndStandin } from "../helpers/sync";

/**
 * Hostile records in a page of good ones (issue 19): the sync must store the good ones, quarantine
 * the hostile one with its reason (visible in the admin viewer), and keep working on later runs.
 */
let database: TestDatabase;
let standin: Standin;
withDatabaseAndStandin((d, s) => {
  database = d;
  standin = s;
});

const DEEP_ID = "NCT09999991";

/** A study whose annotationSection (a field the product never reads) is nested `depth` levels deep, as JSON text. */
function deeplyNestedStudyJson(depth: number): string {
  const head = JSON.stringify({ protocolSection: { identificationModule: { nctId: DEEP_ID, briefTitle: "Deep" }, statusModule: { overallStatus: "RECRUITING" } } }).slice(0, -1);
  return `${head},"annotationSection":{"x":${'{"y":['.repeat(depth)}1${"]}".repeat(depth)}}}`;
}

describe("a very deeply nested record", () => {
  it("is quarantined with its reason while the rest of its page is stored, and later runs go on", async () => {
    standin.setFaults({ injectStudyJson: deeplyNestedStudyJson(5_000) });
    const client = standinClient(standin.url);
    const first = await syncOnce(database.prisma, client, "full", 100);
    expect(first.error).toBeUndefined();
    expect(first.status).toBe("succeeded");
    expect(first.progress.counts.invalid).toBe(1);
    const stored = await database.prisma.trial.count();
    expect(stored).toBe(first.progress.counts.fetched - 1);
    expect(stored).toBeGreaterThan(100); // the other studies, on that page and the next ones
    expect(await database.prisma.trial.findUnique({ where: { nctId: DEEP_ID } })).toBeNull();

    // The admin viewer shows it, with the reason and the part that could be stored.
    const view = (await invalidRecordsView(database.prisma, first.runId))!;
    expect(view.records).toHaveLength(1);
    expect(view.records[0]!.nctId).toBe(DEEP_ID);
    expect(view.records[0]!.error).toMatch(/nested deeper than 64 levels \(at \$\.annotationSection\.x/);
    expect(JSON.stringify(view.records[0]!.raw)).toContain(PRUNED);

    // Every later run goes on (the record is still served).
    const second = await syncOnce(database.prisma, client, "full", 100);
    expect(second.status).toBe("succeeded");
    expect(second.progress.counts.invalid).toBe(1);
    expect(await database.prisma.trial.count()).toBe(stored);
    standin.resetFaults();
  });
});
