import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Searchable } from "./essie";
import { dateOf, fieldsOf, indexText, LOCATION_FIELDS, type Raw, valuesOf } from "./fields";

/** The searchable view of one record: per-area word text built on first use, answers memoised. */
export class StudyDoc implements Searchable {
  private readonly texts = new Map<string, string>();
  private readonly answers = new Map<string, Map<string, boolean>>();

  /** `withoutLocations`: leave `locations[]` out (synthetic studies bring their own). */
  constructor(
    readonly raw: Raw,
    private readonly withoutLocations = false,
  ) {}

  text(area: string): string {
    let t = this.texts.get(area);
    if (t === undefined) {
      const fields = (fieldsOf(area) ?? []).filter((f) => !(this.withoutLocations && LOCATION_FIELDS.has(f)));
      t = fields.map((f) => indexText(valuesOf(this.raw, f))).join("");
      this.texts.set(area, t);
    }
    return t;
  }

  has(area: string, needle: string): boolean {
    let byNeedle = this.answers.get(area);
    if (!byNeedle) this.answers.set(area, (byNeedle = new Map()));
    let hit = byNeedle.get(needle);
    if (hit === undefined) {
      hit = this.text(area).includes(needle);
      byNeedle.set(needle, hit);
    }
    return hit;
  }

  date(field: string): string | undefined {
    return dateOf(this.raw, field);
  }

  missing(field: string): boolean {
    return valuesOf(this.raw, field).length === 0;
  }
}

export const NCT_ID = /^NCT\d{8}$/;

export function nctIdOf(raw: unknown): string | undefined {
  const id = (raw as { protocolSection?: { identificationModule?: { nctId?: unknown } } })?.protocolSection?.identificationModule?.nctId;
  return typeof id === "string" ? id : undefined;
}

const RECORD_FILE = /^NCT\d+\.json(\.gz)?$/;
const loaded = new Map<string, Map<string, Raw>>();

/**
 * Reads every `NCT*.json` and `NCT*.json.gz` in the directories (later directories win on a
 * duplicate id). Parsed records are shared between stand-ins in one process and never mutated.
 */
export function loadRecords(dirs: string[]): Map<string, Raw> {
  const key = dirs.map((d) => path.resolve(d)).join("\n");
  const cached = loaded.get(key);
  if (cached) return cached;
  const out = new Map<string, Raw>();
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
    for (const file of readdirSync(dir).filter((f) => RECORD_FILE.test(f)).sort()) {
      const bytes = readFileSync(path.join(dir, file));
      const raw = JSON.parse((file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8")) as Raw;
      const id = nctIdOf(raw);
      if (!id || !NCT_ID.test(id)) throw new Error(`${path.join(dir, file)}: no valid protocolSection.identificationModule.nctId`);
      out.set(id, raw);
    }
  }
  loaded.set(key, out);
  return out;
}

export type GeoPoint = { lat: number; lon: number };

export function geoPointsOf(raw: Raw): GeoPoint[] {
  const locs = (raw as { protocolSection?: { contactsLocationsModule?: { locations?: Array<{ geoPoint?: GeoPoint }> } } }).protocolSection
    ?.contactsLocationsModule?.locations;
  return (locs ?? []).flatMap((l) => (l.geoPoint && typeof l.geoPoint.lat === "number" ? [l.geoPoint] : []));
}
