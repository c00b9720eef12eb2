import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { normalizeStudy } from "../ctgov/normalize";
import { studySchema } from "../ctgov/schema";
import { diffWatched, nameList, watchedFingerprint, watchedOf, watchedOfRaw, watchedPart } from "./diff";

type Raw = {
  hasResults?: boolean;
  protocolSection: {
    identificationModule: { briefTitle: string };
    statusModule: { overallStatus: string; startDateStruct?: { date: string }; completionDateStruct?: { date: string } };
    designModule: { phases?: string[]; enrollmentInfo?: { count?: number; type?: string } };
    eligibilityModule: { eligibilityCriteria?: string; minimumAge?: string };
    armsInterventionsModule: { interventions: { name: string; type?: string }[] };
    contactsLocationsModule: { locations: { facility?: string; city?: string; status?: string; country?: string }[]; centralContacts?: { name?: string }[] };
  };
};

function bundled(nctId: string): Raw {
  const file = path.resolve("tests/fixtures/ctgov/studies", `${nctId}.json.gz`);
  return JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as Raw;
}

const watchedOfStudy = (raw: Raw) => watchedOf(normalizeStudy(studySchema.parse(raw)), raw);
const fingerprint = (raw: Raw) => watchedFingerprint(normalizeStudy(studySchema.parse(raw)), raw);
const diff = (before: Raw, after: Raw) => diffWatched(watchedOfRaw(before)!, watchedOfStudy(after));

const BRTX = "NCT04042844";

describe("diffWatched (what a sync records)", () => {
  it("records nothing for the same record", () => {
    expect(diff(bundled(BRTX), bundled(BRTX))).toEqual([]);
  });

  it("records nothing for re-ordered lists and whitespace edits", () => {
    const a = bundled(BRTX);
    const b = structuredClone(a);
    const p = b.protocolSection;
    p.contactsLocationsModule.locations.reverse();
    p.armsInterventionsModule.interventions.reverse();
    p.designModule.phases = [...(p.designModule.phases ?? [])].reverse();
    p.identificationModule.briefTitle = `  ${a.protocolSection.identificationModule.briefTitle.replace(/ /g, "  ")}\n`;
    p.eligibilityModule.eligibilityCriteria = (a.protocolSection.eligibilityModule.eligibilityCriteria ?? "").replace(/\n/g, "\n\n   ");
    expect(diff(a, b)).toEqual([]);
  });

  it("records a status change in plain words", () => {
    const a = bundled(BRTX);
    const b = structuredClone(a);
    b.protocolSection.statusModule.overallStatus = "ACTIVE_NOT_RECRUITING";
    expect(diff(a, b)).toEqual([{ field: "status", from: "Recruiting", to: "Active, not recruiting" }]);
  });

  it("records nothing when two sites at the same place swap places in the list", () => {
    const a = bundled(BRTX);
    const sites = a.protocolSection.contactsLocationsModule.locations;
    sites.push({ ...sites[0]!, status: "RECRUITING" }, { ...sites[0]!, status: "COMPLETED" });
    const b = structuredClone(a);
    const list = b.protocolSection.contactsLocationsModule.locations;
    list.push(list.splice(list.length - 2, 1)[0]!);
    expect(diff(a, b)).toEqual([]);
  });

  it("summarises sites added, removed and a site's own status", () => {
    const a = bundled(BRTX);
    const b = structuredClone(a);
    const sites = b.protocolSection.contactsLocationsModule.locations;
    expect(sites[0]).toMatchObject({ city: "Birmingham", status: "NOT_YET_RECRUITING" });
    sites[0]!.status = "RECRUITING";
    const removed = sites.splice(1, 1)[0]!;
    sites.push({ facility: "Spine Center", city: "Boston", country: "United States", status: "RECRUITING" });
    sites.push({ facility: "Back Clinic", city: "Denver", country: "United States", status: "NOT_YET_RECRUITING" });
    const [change] = diff(a, b);
    expect(change).toEqual({
      field: "sites",
      from: null,
      to: `2 sites added: Boston, Denver; 1 site removed: ${removed.city}; 1 site now recruiting: Birmingham`,
    });
  });

  it("records phase, enrollment, dates, eligibility, interventions, contacts, title and results", () => {
    const a = bundled(BRTX);
    a.hasResults = false;
    const b = structuredClone(a);
    const p = b.protocolSection;
    p.designModule.phases = ["PHASE2", "PHASE3"];
    p.designModule.enrollmentInfo = { count: 120, type: "ACTUAL" };
    p.statusModule.startDateStruct = { date: "2030-01" };
    p.statusModule.completionDateStruct = { date: "2031-06-30" };
    p.eligibilityModule.eligibilityCriteria = "Inclusion: adults. Exclusion: none.";
    p.eligibilityModule.minimumAge = "21 Years";
    p.armsInterventionsModule.interventions.push({ name: "Placebo injection", type: "OTHER" });
    p.contactsLocationsModule.centralContacts = [];
    p.identificationModule.briefTitle = "A new title";
    b.hasResults = true;
    const fields = diff(a, b).map((f) => f.field);
    expect(fields).toEqual(["phase", "enrollment", "startDate", "completionDate", "eligibility", "interventions", "contacts", "title", "results"]);
    const by = Object.fromEntries(diff(a, b).map((f) => [f.field, f]));
    expect(by.phase).toEqual({ field: "phase", from: "Phase 2", to: "Phase 2, Phase 3" });
    expect(by.startDate!.to).toBe("2030-01");
    expect(by.enrollment!.to).toBe("120 (actual)");
    expect(by.eligibility!.to).toBe(`criteria text updated; minimum age ${a.protocolSection.eligibilityModule.minimumAge} → 21 Years`);
    expect(by.interventions!.to).toBe("1 intervention added: Placebo injection");
    expect(by.contacts!.to).toBe("1 contact removed");
    expect(by.results).toEqual({ field: "results", from: null, to: "Results posted" });
  });

  it("compares nothing when the stored copy no longer validates", () => {
    expect(watchedOfRaw({ protocolSection: {} })).toBeNull();
  });

  it("names at most five places, in a stable order", () => {
    expect(nameList(["Denver", "Boston", "Boston"])).toBe("Boston, Denver");
    expect(nameList(["F", "E", "D", "C", "B", "A", "G"])).toBe("A, B, C, D, E and 2 more");
  });
});

describe("the watched part of a stored record", () => {
  it("gives the same watched values as the whole record, for every bundled record", () => {
    const dir = path.resolve("tests/fixtures/ctgov/studies");
    const files = readdirSync(dir).filter((f) => /^NCT\d{8}\.json\.gz$/.test(f));
    expect(files.length).toBeGreaterThan(500);
    for (const f of files) {
      const raw = JSON.parse(gunzipSync(readFileSync(path.join(dir, f))).toString("utf8")) as unknown;
      const whole = watchedOfRaw(raw);
      expect(whole, f).not.toBeNull();
      expect(watchedOfRaw(JSON.parse(JSON.stringify(watchedPart(raw)))), f).toEqual(whole);
    }
  });
});

/** Edits of a record, each a change diffWatched records (compared) or not (noise). */
const EDITS: { name: string; compared: boolean; edit: (r: Raw) => void }[] = [
  { name: "status", compared: true, edit: (r) => (r.protocolSection.statusModule.overallStatus = "WITHDRAWN") },
  { name: "phase", compared: true, edit: (r) => (r.protocolSection.designModule.phases = ["PHASE4"]) },
  { name: "enrollment", compared: true, edit: (r) => (r.protocolSection.designModule.enrollmentInfo = { count: 9999, type: "ESTIMATED" }) },
  { name: "start date", compared: true, edit: (r) => (r.protocolSection.statusModule.startDateStruct = { date: "2031-01-01" }) },
  { name: "completion date", compared: true, edit: (r) => (r.protocolSection.statusModule.completionDateStruct = { date: "2039-12" }) },
  { name: "criteria", compared: true, edit: (r) => (r.protocolSection.eligibilityModule.eligibilityCriteria = "Inclusion: anyone.") },
  { name: "minimum age", compared: true, edit: (r) => (r.protocolSection.eligibilityModule.minimumAge = "99 Years") },
  { name: "intervention", compared: true, edit: (r) => r.protocolSection.armsInterventionsModule.interventions.push({ name: "Saline", type: "OTHER" }) },
  { name: "contact", compared: true, edit: (r) => (r.protocolSection.contactsLocationsModule.centralContacts = [{ name: "Someone New" }]) },
  { name: "site added", compared: true, edit: (r) => r.protocolSection.contactsLocationsModule.locations.push({ facility: "New Clinic", city: "Boston", status: "RECRUITING" }) },
  {
    name: "site status",
    compared: true,
    edit: (r) => {
      const site = r.protocolSection.contactsLocationsModule.locations[0];
      if (site) site.status = site.status === "COMPLETED" ? "RECRUITING" : "COMPLETED";
    },
  },
  { name: "title", compared: true, edit: (r) => (r.protocolSection.identificationModule.briefTitle = "Another title") },
  { name: "results", compared: true, edit: (r) => (r.hasResults = !r.hasResults) },
  {
    name: "whitespace and order",
    compared: false,
    edit: (r) => {
      const p = r.protocolSection;
      p.identificationModule.briefTitle = ` ${p.identificationModule.briefTitle.replace(/ /g, " \n ")}  `;
      p.contactsLocationsModule.locations.reverse();
      p.armsInterventionsModule.interventions.reverse();
      p.designModule.phases = [...(p.designModule.phases ?? [])].reverse();
      p.eligibilityModule.eligibilityCriteria = (p.eligibilityModule.eligibilityCriteria ?? "").replace(/\n/g, "\n\n  ");
    },
  },
  { name: "site letter case", compared: false, edit: (r) => r.protocolSection.contactsLocationsModule.locations.forEach((s) => (s.city = s.city?.toUpperCase())) },
  {
    name: "nothing compared",
    compared: false,
    edit: (r) => {
      const p = r.protocolSection as Raw["protocolSection"] & { descriptionModule?: { briefSummary?: string } };
      p.descriptionModule = { briefSummary: "Rewritten summary." };
      (p.statusModule as Record<string, unknown>).lastUpdatePostDateStruct = { date: "2026-12-05" };
    },
  },
];

describe("watchedFingerprint (what lets the sync skip the comparison)", () => {
  it("moves with each compared field, stays for an edit of nothing compared, and is the same for the same record", () => {
    const a = bundled(BRTX);
    expect(fingerprint(structuredClone(a))).toBe(fingerprint(a));
    for (const { name, compared, edit } of EDITS) {
      const b = structuredClone(a);
      edit(b);
      if (compared) expect(fingerprint(b), name).not.toBe(fingerprint(a));
      // Noise may move it (it hashes the inputs as they are): the full comparison then finds nothing.
      else expect(diff(a, b), name).toEqual([]);
    }
    const b = structuredClone(a);
    EDITS.find((e) => e.name === "nothing compared")!.edit(b);
    expect(fingerprint(b)).toBe(fingerprint(a));
  });

  it("never hides a change: over a quarter of the bundled records and every edit, an equal fingerprint means diffWatched finds nothing", () => {
    const dir = path.resolve("tests/fixtures/ctgov/studies");
    const files = readdirSync(dir)
      .filter((f) => /^NCT\d{8}\.json\.gz$/.test(f))
      .filter((_, i) => i % 4 === 0);
    expect(files.length).toBeGreaterThan(150);
    let settled = 0;
    let compared = 0;
    for (const f of files) {
      const a = JSON.parse(gunzipSync(readFileSync(path.join(dir, f))).toString("utf8")) as Raw;
      const before = watchedOfRaw(a);
      if (!before) continue;
      const fa = fingerprint(a);
      for (const { name, edit } of EDITS) {
        const b = structuredClone(a);
        // Bundled records lack some modules: give the edits somewhere to write.
        const p = b.protocolSection as Partial<Raw["protocolSection"]>;
        p.designModule ??= {};
        p.eligibilityModule ??= {};
        p.armsInterventionsModule ??= { interventions: [] };
        p.armsInterventionsModule.interventions ??= [];
        p.contactsLocationsModule ??= { locations: [] };
        p.contactsLocationsModule.locations ??= [];
        edit(b);
        const after = watchedOfStudy(b);
        if (fingerprint(b) === fa) {
          settled++;
          expect(diffWatched(before, after), `${f}: ${name}`).toEqual([]);
        } else compared++;
      }
    }
    // Both sides were exercised: edits of nothing compared settle by fingerprint, the real ones are compared.
    expect(settled).toBeGreaterThanOrEqual(files.length);
    expect(compared).toBeGreaterThan(files.length * 10);
  });
});
