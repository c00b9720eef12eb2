import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateProfiles } from "./evaluate";
import { fitResultsBody, fitTrial } from "./fit";
import { readEligibility } from "./read";
import type { Profile, StoredEligibility } from "./schema";

const fitResultsJson = (...args: Parameters<typeof fitResultsBody>) => fitResultsBody(...args).toString("utf8");

// The directly written /api/fit body must be exactly what stringifying fitTrial's objects gives
// (SPEC §9's shape, key order included), for real readings and for any mix of answers.

const dir = path.join(process.cwd(), "tests/fixtures/ctgov/studies");
const names = readdirSync(dir).filter((n) => n.endsWith(".json.gz")).sort().slice(0, 120);
const readings = new Map<string, StoredEligibility>(
  names.map((n) => [n.replace(/\.json\.gz$/, ""), readEligibility(JSON.parse(gunzipSync(readFileSync(path.join(dir, n))).toString("utf8")))]),
);
const ids = [...readings.keys()];

const expected = (asked: readonly string[], profile: Profile) =>
  JSON.stringify({ results: asked.flatMap((id) => (readings.has(id) ? [fitTrial(id, readings.get(id)!, profile)] : [])) });

describe("fitResultsBody", () => {
  it("writes the same JSON as stringifying each trial's fit, for full, partial and empty profiles", () => {
    const full = generateProfiles(6, 7);
    const partial = full.map((p, i) => Object.fromEntries(Object.entries(p).filter((_, k) => (k + i) % 3 !== 0)) as Profile);
    for (const profile of [...full, ...partial, {}]) expect(fitResultsJson(ids, readings, profile)).toBe(expected(ids, profile));
  });

  it("keeps the order asked, leaves unknown ids out, and gives the same text when a trial's preparation is reused", () => {
    const asked = [ids[5]!, "NCT99999999", ids[0]!, ids[3]!];
    const profile = generateProfiles(1, 3)[0]!;
    const first = fitResultsJson(asked, readings, profile);
    expect(first).toBe(expected(asked, profile));
    expect(JSON.parse(first).results.map((r: { nctId: string }) => r.nctId)).toEqual([ids[5], ids[0], ids[3]]);
    expect(fitResultsJson(asked, readings, profile)).toBe(first);
    expect(fitResultsJson([], readings, profile)).toBe('{"results":[]}');
  });

  it("escapes criterion words that need it in JSON", () => {
    const stored = readings.get(ids[0]!)!;
    const tricky: StoredEligibility = { ...stored, rules: { ...stored.rules, pregnancy: "excluded" }, quotes: { ...stored.quotes, pregnancy: 'Pregnant "or" nursing \\ women\n\u2028' } };
    const map = new Map([["NCT00000001", tricky]]);
    const profile: Profile = { pregnant: true };
    const text = fitResultsJson(["NCT00000001"], map, profile);
    expect(text).toBe(JSON.stringify({ results: [fitTrial("NCT00000001", tricky, profile)] }));
    expect(JSON.parse(text).results[0].checks.find((c: { question: string }) => c.question === "pregnant").criterion).toBe('Pregnant "or" nursing \\ women\n\u2028');
  });
});
