import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { invalidRecordsView } from "../../../lib/admin/data";
import { PRUNED } from "../../../lib/sync/depth";
import { standinClient, syncOnce } from "../helpers/sync";
import { fileWorld } from "../helpers/world";

/**
 * Hostile records in a page of good ones (issue 19): the sync must store the good ones, quarantine
 * the hostile one with its reason (visible in the admin viewer), and keep working on later runs.
 */
const world = fileWorld();

const DEEP_ID = "NCT09999991";

/** A study whose annotationSection (a field the product never reads) is nested `depth` levels deep, as JSON text. */
function deeplyNestedStudyJson(depth: number): string {
  const head = JSON.stringify({ protocolSection: { identificationModule: { nctId: DEEP_ID, briefTitle: "Deep" }, statusModule: { overallStatus: "RECRUITING" } } }).slice(0, -1);
  return `${head},"annotationSection":{"x":${'{"y":['.repeat(depth)}1${"]}".repeat(depth)}}}`;
}

describe("a very deeply nested record", () => {
  it("is quarantined with its reason while the rest of its page is stored, and later runs go on", async () => {
    world.standin.setFaults({ injectStudyJson: deeplyNestedStudyJson(5_000) });
    const client = standinClient(world.standin.url);
    const first = await syncOnce(world.database.prisma, client, "full", 100);
    expect(first.error).toBeUndefined();
    expect(first.status).toBe("succeeded");
    expect(first.progress.counts.invalid).toBe(1);
    const stored = await world.database.prisma.trial.count();
    expect(stored).toBe(first.progress.counts.fetched - 1);
    expect(stored).toBeGreaterThan(100); // the other studies, on that page and the next ones
    expect(await world.database.prisma.trial.findUnique({ where: { nctId: DEEP_ID } })).toBeNull();

    // The admin viewer shows it, with the reason and the part that could be stored.
    const view = (await invalidRecordsView(world.database.prisma, first.runId))!;
    expect(view.records).toHaveLength(1);
    expect(view.records[0]!.nctId).toBe(DEEP_ID);
    expect(view.records[0]!.error).toMatch(/nested deeper than 64 levels \(at \$\.annotationSection\.x/);
    expect(JSON.stringify(view.records[0]!.raw)).toContain(PRUNED);

    // Every later run goes on (the record is still served).
    const second = await syncOnce(world.database.prisma, client, "full", 100);
    expect(second.status).toBe("succeeded");
    expect(second.progress.counts.invalid).toBe(1);
    expect(await world.database.prisma.trial.count()).toBe(stored);
    world.standin.resetFaults();
  });
});

const HUGE_ID = "NCT09999992";
const MB2 = "M".repeat(2 * 1024 * 1024);

/** A cell-therapy study, recruiting, with one site on the map, whose texts are 2 MB each. */
function hugeTextStudy() {
  return {
    protocolSection: {
      identificationModule: { nctId: HUGE_ID, briefTitle: `Mesenchymal stem cells for disc pain ${MB2}`, officialTitle: MB2 },
      statusModule: { overallStatus: "RECRUITING", lastUpdatePostDateStruct: { date: "2026-11-30" } },
      sponsorCollaboratorsModule: { leadSponsor: { name: `Sponsor ${MB2}` } },
      descriptionModule: { briefSummary: `Autologous bone marrow mesenchymal stem cells injected into the disc. ${MB2}` },
      conditionsModule: { conditions: [`Degenerative Disc Disease ${MB2}`] },
      designModule: { studyType: "INTERVENTIONAL", phases: ["PHASE2"] },
      eligibilityModule: { eligibilityCriteria: `Inclusion Criteria:\n\n* ${MB2}` },
      armsInterventionsModule: { interventions: [{ type: "BIOLOGICAL", name: `Autologous mesenchymal stem cells ${MB2}`, description: MB2 }] },
      contactsLocationsModule: {
        centralContacts: [{ name: MB2, email: `x@y.org?cc=${MB2}`, phone: MB2 }],
        locations: [{ facility: `Hospital ${MB2}`, status: "RECRUITING", city: `Boston ${MB2}`, state: "Massachusetts", country: "United States", geoPoint: { lat: 42.36, lon: -71.06 } }],
      },
    },
  };
}

describe("a record with 2 MB texts", () => {
  it("is stored with every text field capped (raw kept whole), so the API, the CSV and the map's sites stay small", async () => {
    world.standin.setFaults({ injectStudy: hugeTextStudy() });
    const done = await syncOnce(world.database.prisma, standinClient(world.standin.url), "incremental", 100);
    world.standin.resetFaults();
    expect(done.status).toBe("succeeded");
    const stored = await world.database.prisma.trial.findUniqueOrThrow({ where: { nctId: HUGE_ID } });
    expect(stored.briefTitle.length).toBeLessThanOrEqual(600);
    expect(stored.briefTitle.endsWith("…")).toBe(true);
    expect(JSON.stringify(stored.raw).length).toBeGreaterThan(20 * 1024 * 1024); // the raw record is whole

    const trials = await import("../../../app/api/trials/route");
    const csv = await import("../../../app/api/trials.csv/route");
    const sites = await import("../../../app/api/trials/sites/route");
    const one = await import("../../../app/api/trials/[nctId]/route");
    const url = (p: string) => new NextRequest(`http://127.0.0.1${p}`);
    const answers = {
      "/api/trials": await trials.GET(url("/api/trials?q=mesenchymal&status=recruiting")),
      "/api/trials.csv": await csv.GET(url("/api/trials.csv?q=mesenchymal&status=recruiting")),
      "/api/trials/sites": await sites.GET(url("/api/trials/sites?q=mesenchymal&status=recruiting")),
      "/api/trials/{id}": await one.GET(url(`/api/trials/${HUGE_ID}`), { params: Promise.resolve({ nctId: HUGE_ID }) }),
    };
    for (const [what, res] of Object.entries(answers)) {
      const body = await res.text();
      expect(res.status, what).toBe(200);
      expect(body, what).toContain(HUGE_ID.slice(0, 3)); // the hostile trial is in the answer…
      expect(body.includes("MMMM…") || body.includes("M…"), what).toBe(true); // …cut, visibly
      expect(body.length, what).toBeLessThan(400_000); // not 2 MB per field
    }
  });
});
