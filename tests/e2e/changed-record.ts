import type { Standin } from "../ctgov-standin/server";

/** The trial the e2e server changes between its two seed syncs, and what the second sync should record. */
export const CHANGED_TRIAL = "NCT06325566";
export const EXPECTED_CHANGE = "2 sites added: Boston, Denver";

type Raw = { protocolSection: { contactsLocationsModule: { locations: object[] } } };

/** Adds two recruiting sites to the stand-in's copy of CHANGED_TRIAL (search facets stay as they were). */
export async function applyRecordedChange(standin: Standin) {
  const res = await fetch(`${standin.url}/studies/${CHANGED_TRIAL}?format=json`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`stand-in answered ${res.status} for ${CHANGED_TRIAL}`);
  const raw = (await res.json()) as Raw;
  raw.protocolSection.contactsLocationsModule.locations.push(
    { facility: "Boston Spine Research", city: "Boston", state: "Massachusetts", country: "United States", status: "RECRUITING" },
    { facility: "Denver Back Institute", city: "Denver", state: "Colorado", country: "United States", status: "RECRUITING" },
  );
  standin.upsertStudy(raw);
}
