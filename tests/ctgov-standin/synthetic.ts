import { type GeoPoint, StudyDoc } from "./doc";
import type { Searchable } from "./essie";
import { fieldsOf, LOCATION_FIELDS, type Raw } from "./fields";

/**
 * Synthetic studies for scale tests: study i (0-based) is a copy of a real template record with
 *   - NCT id `NCT9` + i as 7 digits (NCT90000000 up), a range no real record uses yet;
 *   - `identificationModule.orgStudyIdInfo.id` = `SYNTHETIC-<id>-FROM-<template id>` (the marker:
 *     it survives any schema check), `nctIdAliases` dropped, `versionHolder` kept;
 *   - every statusModule date moved back by 1..1095 days (a fixed function of i), so
 *     LastUpdatePostDate ranges and sorts have something to work on;
 *   - each site moved to a real place seen in the data (facility, city, state, zip, country and its
 *     geoPoint taken together, so they stay consistent); site status and contacts kept.
 * Nothing is stored per study: ids, dates and places are computed from i, and a full object is
 * built only when a page is served. Searching uses the template's text (minus sites) plus the
 * place's text, memoised per template and place.
 *
 * Revision r (default 0, settable at runtime) stands for r later versions of every synthetic
 * record, so a resync has all of them to rewrite: LastUpdatePostDate and LastUpdateSubmitDate move
 * r days forward and the brief summary gains a sentence naming the revision. Revision 0 is the
 * plain copy described above.
 */

export type SyntheticSet = {
  count: number;
  idOf(i: number): string;
  indexOf(id: string): number | undefined;
  doc(i: number): Searchable;
  status(i: number): string | undefined;
  geo(i: number): GeoPoint[];
  build(i: number): Raw;
  revision(): number;
  setRevision(r: number): void;
};

export const SYNTHETIC_BASE = 90_000_000;
export const MAX_SYNTHETIC = 9_999_999;

/** A 32-bit integer hash (murmur3 finaliser): deterministic, well spread. */
export function mix(n: number): number {
  let h = n | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function shiftDate(date: string, days: number): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) + days * 86_400_000);
  const iso = d.toISOString();
  return m[3] ? iso.slice(0, 10) : m[2] ? iso.slice(0, 7) : iso.slice(0, 4);
}

type Place = { facility?: string; city?: string; state?: string; zip?: string; country?: string; geoPoint: GeoPoint };
type Location = Place & Record<string, unknown>;

/** Distinct real sites that have a geoPoint, in a stable order. */
export function placePool(records: Iterable<Raw>): Place[] {
  const seen = new Map<string, Place>();
  for (const raw of records) {
    const locs = (raw as { protocolSection?: { contactsLocationsModule?: { locations?: Location[] } } }).protocolSection?.contactsLocationsModule?.locations;
    for (const l of locs ?? []) {
      if (!l.geoPoint || typeof l.geoPoint.lat !== "number" || !l.city || !l.country) continue;
      const place: Place = { facility: l.facility, city: l.city, state: l.state, zip: l.zip, country: l.country, geoPoint: l.geoPoint };
      const key = JSON.stringify([place.country, place.state, place.city, place.facility, place.zip]);
      if (!seen.has(key)) seen.set(key, place);
    }
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

const shiftOf = (i: number) => -(1 + (mix(i) % 1095));
/** The dates a new version of a record moves: when it was last submitted and posted. */
const REVISED_DATES = new Set(["LastUpdatePostDate", "LastUpdateSubmitDate"]);
const MAX_REVISION = 1000;
const placeIndex = (i: number, j: number, n: number) => mix(i * 7919 + j * 104_729 + 17) % n;

function checkRevision(r: number) {
  if (!Number.isInteger(r) || r < 0 || r > MAX_REVISION) throw new Error(`synthetic revision must be an integer 0..${MAX_REVISION}`);
}

export function createSynthetic(count: number, templates: Raw[], places: Place[], initialRevision = 0): SyntheticSet {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SYNTHETIC) throw new Error(`synthetic count must be an integer 0..${MAX_SYNTHETIC}`);
  checkRevision(initialRevision);
  let revision = initialRevision;
  if (count > 0 && (!templates.length || !places.length)) throw new Error("synthetic studies need at least one template record and one site with a geoPoint");
  const templateDocs = templates.map((t) => new StudyDoc(t, true));
  const placeDocs = places.map((pl) => new StudyDoc({ protocolSection: { contactsLocationsModule: { locations: [pl] } } }));
  const siteCount = templates.map((t) => locationsOf(t).length);

  const templateOf = (i: number) => i % templates.length;
  const placesOf = (i: number) => Array.from({ length: siteCount[templateOf(i)]! }, (_, j) => placeIndex(i, j, places.length));
  // For each (area, needle): the places whose text matches, or null when the area has no site fields.
  const placeHits = new Map<string, Map<string, Set<number> | null>>();
  const placesMatching = (area: string, needle: string): Set<number> | null => {
    let byNeedle = placeHits.get(area);
    if (!byNeedle) placeHits.set(area, (byNeedle = new Map()));
    let hits = byNeedle.get(needle);
    if (hits === undefined) {
      const searchesSites = (fieldsOf(area) ?? []).some((f) => LOCATION_FIELDS.has(f));
      hits = searchesSites ? new Set(placeDocs.flatMap((d, k) => (d.has(area, needle) ? [k] : []))) : null;
      byNeedle.set(needle, hits);
    }
    return hits;
  };

  return {
    count,
    idOf: (i) => `NCT${SYNTHETIC_BASE + i}`,
    indexOf(id) {
      const n = /^NCT(\d{8})$/.exec(id) ? Number(id.slice(3)) - SYNTHETIC_BASE : -1;
      return n >= 0 && n < count ? n : undefined;
    },
    doc(i) {
      const tpl = templateDocs[templateOf(i)]!;
      let picks: number[] | undefined;
      const sites = () => (picks ??= placesOf(i)).map((k) => placeDocs[k]!);
      const shift = shiftOf(i);
      return {
        has(area, needle) {
          if (tpl.has(area, needle)) return true;
          const hits = placesMatching(area, needle);
          return !!hits?.size && (picks ??= placesOf(i)).some((k) => hits.has(k));
        },
        date: (field) => {
          const d = tpl.date(field);
          return d && shiftDate(d, shift + (REVISED_DATES.has(field) ? revision : 0));
        },
        missing: (field) => (LOCATION_FIELDS.has(field) ? sites().every((s) => s.missing(field)) : tpl.missing(field)),
      };
    },
    status: (i) => ((templates[templateOf(i)]!.protocolSection as Raw).statusModule as Raw | undefined)?.overallStatus as string | undefined,
    geo: (i) => placesOf(i).map((k) => places[k]!.geoPoint),
    build(i) {
      const id = `NCT${SYNTHETIC_BASE + i}`;
      const tpl = templates[templateOf(i)]!;
      const ps = tpl.protocolSection as Raw;
      const { nctIdAliases: _aliases, ...idm } = ps.identificationModule as Raw;
      const templateId = idm.nctId as string;
      const orgStudyIdInfo = { ...(idm.orgStudyIdInfo as Raw | undefined), id: `SYNTHETIC-${id}-FROM-${templateId}` };
      const out: Raw = { ...ps, identificationModule: { ...idm, nctId: id, orgStudyIdInfo } };
      if (ps.statusModule) out.statusModule = shiftStatus(ps.statusModule as Raw, shiftOf(i), revision);
      const cl = ps.contactsLocationsModule as Raw | undefined;
      if (cl?.locations) {
        const picks = placesOf(i);
        out.contactsLocationsModule = { ...cl, locations: locationsOf(tpl).map((l, j) => movedTo(l, places[picks[j]!]!)) };
      }
      if (revision > 0) {
        const dm = (ps.descriptionModule as Raw | undefined) ?? {};
        const summary = typeof dm.briefSummary === "string" ? `${dm.briefSummary}\n\n` : "";
        out.descriptionModule = { ...dm, briefSummary: `${summary}Synthetic record, update ${revision}.` };
      }
      return { ...tpl, protocolSection: out };
    },
    revision: () => revision,
    setRevision(r) {
      checkRevision(r);
      revision = r;
    },
  };
}

function locationsOf(raw: Raw): Location[] {
  return ((raw.protocolSection as Raw | undefined)?.contactsLocationsModule as { locations?: Location[] } | undefined)?.locations ?? [];
}

function movedTo(l: Location, place: Place): Location {
  const { facility: _f, city: _c, state: _s, zip: _z, country: _n, geoPoint: _g, status, contacts, ...rest } = l;
  return { facility: place.facility, status, city: place.city, state: place.state, zip: place.zip, country: place.country, contacts, ...rest, geoPoint: place.geoPoint } as Location;
}

function shiftStatus(sm: Raw, days: number, revision: number): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(sm)) {
    // statusModule keys are the date pieces' names in camel case (lastUpdatePostDateStruct → LastUpdatePostDate).
    const piece = k.replace(/Struct$/, "").replace(/^./, (c) => c.toUpperCase());
    const d = days + (REVISED_DATES.has(piece) ? revision : 0);
    if (typeof v === "string" && k.endsWith("Date")) out[k] = shiftDate(v, d);
    else if (k.endsWith("DateStruct") && v && typeof (v as Raw).date === "string") out[k] = { ...(v as Raw), date: shiftDate((v as Raw).date as string, d) };
    else out[k] = v;
  }
  return out;
}
