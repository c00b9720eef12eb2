import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { capText, DEFAULT_TEXT_CAP, ELLIPSIS, TEXT_CAPS } from "./caps";
import { normalizeStudy } from "./normalize";
import { studySchema } from "./schema";

const MB2 = "M".repeat(2 * 1024 * 1024);

function hostileStudy() {
  return studySchema.parse({
    protocolSection: {
      identificationModule: { nctId: "NCT09999992", briefTitle: MB2, officialTitle: MB2 },
      statusModule: { overallStatus: "RECRUITING" },
      descriptionModule: { briefSummary: MB2 },
      sponsorCollaboratorsModule: { leadSponsor: { name: MB2 } },
      conditionsModule: { conditions: [MB2], keywords: [MB2] },
      eligibilityModule: { eligibilityCriteria: MB2 },
      armsInterventionsModule: { interventions: [{ type: "BIOLOGICAL", name: MB2, description: MB2, otherNames: [MB2] }], armGroups: [{ label: MB2, description: MB2 }] },
      contactsLocationsModule: {
        centralContacts: [{ name: MB2, email: MB2, phone: MB2 }],
        locations: [{ facility: MB2, city: MB2, state: MB2, country: MB2, contacts: [{ name: MB2, email: MB2 }] }],
      },
    },
  });
}

function strings(v: unknown, out: { path: string; s: string }[] = [], p = ""): { path: string; s: string }[] {
  if (typeof v === "string") out.push({ path: p, s: v });
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, out, `${p}[${i}]`));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) strings(x, out, `${p}.${k}`);
  return out;
}

describe("stored text caps", () => {
  it("cut with a visible ellipsis, never inside a surrogate pair", () => {
    expect(capText("short", 10)).toBe("short");
    expect(capText("abcdefghijk", 10)).toBe(`abcdefghi${ELLIPSIS}`);
    const cut = capText(`${"a".repeat(8)}😀xyz`, 10);
    expect(cut).toBe(`${"a".repeat(8)}${ELLIPSIS}`);
    expect(cut.length).toBeLessThanOrEqual(10);
  });

  it("bound every text field of a record with 2 MB values (titles, summary, criteria, names, sites, contacts)", () => {
    const n = normalizeStudy(hostileStudy());
    const all = strings(n);
    expect(all.length).toBeGreaterThan(20);
    for (const { path: p, s } of all) {
      const key = p.split(".").at(-1)!.replace(/\[\d+\]$/, "");
      expect(s.length, p).toBeLessThanOrEqual(TEXT_CAPS[key] ?? DEFAULT_TEXT_CAP);
      if (s.length >= 100) expect(s.endsWith(ELLIPSIS), p).toBe(true); // the 2 MB values; ids and types are short
    }
    expect(JSON.stringify(n).length).toBeLessThan(100_000);
  });

  it("cut nothing in any of the bundled real records", () => {
    const dir = path.resolve("tests/fixtures/ctgov/studies");
    let checked = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".json.gz"))) {
      const parsed = studySchema.safeParse(JSON.parse(gunzipSync(readFileSync(path.join(dir, f))).toString("utf8")));
      if (!parsed.success) continue;
      checked++;
      for (const { path: p, s } of strings(normalizeStudy(parsed.data))) {
        const key = p.split(".").at(-1)!.replace(/\[\d+\]$/, "");
        expect(s.length, `${f} ${p}`).toBeLessThan(TEXT_CAPS[key] ?? DEFAULT_TEXT_CAP);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
