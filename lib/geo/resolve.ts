import "server-only";
import { allCities, citiesNamed, type City, lookupZip, normalizeName } from "./gazetteer";

// Turns the `near` parameter into a point, offline: "lat,lon", a US ZIP (or Canadian postal code),
// "City", "City, State" or "City, Country" (or "City, State, Country"). Ambiguous city names go to
// the most populous match, the choice a person typing "Paris" almost always means; the label tells
// them which one was picked.

export type Place = { lat: number; lon: number; label: string };
/** `code` names why a place was not found, for pages that say it in another language (`message` is English). */
export type Resolution = ({ ok: true } & Place) | { ok: false; code: "near-coordinates" | "near-postal-code" | "near-not-found"; message: string; suggestions: string[] };

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

const US_STATES: Record<string, string> = {
  alabama: "AL", alaska: "AK", arizona: "AZ", arkansas: "AR", california: "CA", colorado: "CO", connecticut: "CT", delaware: "DE",
  "district of columbia": "DC", florida: "FL", georgia: "GA", hawaii: "HI", idaho: "ID", illinois: "IL", indiana: "IN", iowa: "IA",
  kansas: "KS", kentucky: "KY", louisiana: "LA", maine: "ME", maryland: "MD", massachusetts: "MA", michigan: "MI", minnesota: "MN",
  mississippi: "MS", missouri: "MO", montana: "MT", nebraska: "NE", nevada: "NV", "new hampshire": "NH", "new jersey": "NJ",
  "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND", ohio: "OH", oklahoma: "OK", oregon: "OR",
  pennsylvania: "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", tennessee: "TN", texas: "TX", utah: "UT",
  vermont: "VT", virginia: "VA", washington: "WA", "west virginia": "WV", wisconsin: "WI", wyoming: "WY", "puerto rico": "PR",
};
const STATE_CODES = new Set(Object.values(US_STATES));

// ClinicalTrials.gov's spellings and everyday names that Intl's English names do not cover.
const COUNTRY_ALIASES: Record<string, string> = {
  usa: "US", "united states of america": "US", america: "US", uk: "GB", "great britain": "GB", england: "GB", scotland: "GB",
  wales: "GB", "korea republic of": "KR", korea: "KR", "south korea": "KR", "russian federation": "RU", "iran islamic republic of": "IR",
  "viet nam": "VN", "czech republic": "CZ", turkey: "TR", holland: "NL", "hong kong": "HK", "taiwan province of china": "TW",
};

let countryCodes: Map<string, string> | undefined;
function countryCode(name: string): string | undefined {
  if (!countryCodes) {
    countryCodes = new Map(Object.entries(COUNTRY_ALIASES));
    for (const c of new Set(allCities().map((x) => x.country))) {
      const n = regionNames.of(c);
      if (n) countryCodes.set(normalizeName(n), c);
    }
  }
  const key = normalizeName(name);
  return countryCodes.get(key) ?? (/^[a-z]{2}$/.test(key) && key !== "in" ? key.toUpperCase() : undefined);
}

export function describeCity(c: City): string {
  if (c.country === "US") return `${c.name}, ${c.admin}`;
  return `${c.name}, ${regionNames.of(c.country) ?? c.country}`;
}

/** Up to 5 known places whose name starts like the input's city part, most populous first. */
export function suggest(input: string): string[] {
  const head = normalizeName(input.split(",")[0] ?? "");
  if (head.length < 2) return [];
  const prefix = head.slice(0, Math.max(3, Math.min(head.length - 1, 5)));
  return allCities()
    .filter((c) => c.ascii.startsWith(prefix))
    .sort((a, b) => b.population - a.population)
    .slice(0, 5)
    .map(describeCity);
}

function pickCity(name: string, qualifiers: string[]): City | undefined {
  const candidates = citiesNamed(name);
  if (!qualifiers.length) return candidates[0];
  let pool = candidates;
  for (const q of qualifiers) {
    const key = normalizeName(q);
    const upper = q.trim().toUpperCase();
    const state = US_STATES[key] ?? (STATE_CODES.has(upper) ? upper : undefined);
    const country = countryCode(q);
    pool = pool.filter(
      (c) =>
        (state !== undefined && c.country === "US" && c.admin === state) ||
        (country !== undefined && c.country === country) ||
        normalizeName(c.admin) === key,
    );
  }
  return pool[0];
}

export function resolveNear(raw: string): Resolution {
  const input = raw.trim();
  const coords = /^(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(input);
  if (coords) {
    const lat = Number(coords[1]);
    const lon = Number(coords[2]);
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { ok: true, lat, lon, label: `${lat.toFixed(3)}, ${lon.toFixed(3)}` };
    return { ok: false, code: "near-coordinates", message: "Those coordinates are out of range: latitude is -90 to 90, longitude -180 to 180.", suggestions: [] };
  }
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(input) ?? /^([a-z]\d[a-z])\s?\d[a-z]\d$/i.exec(input);
  if (zip) {
    const hit = lookupZip(zip[1]!.toUpperCase());
    if (hit) return { ok: true, lat: hit.latitude, lon: hit.longitude, label: `${hit.city}, ${hit.state} ${zip[0].toUpperCase()}` };
    return { ok: false, code: "near-postal-code", message: `We could not find the postal code "${input}". Check it, or type a city instead.`, suggestions: [] };
  }
  const parts = input
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const [name, ...rest] = parts;
  // "Seoul, Korea, Republic of": ClinicalTrials.gov's country names can hold a comma themselves.
  const qualifiers = rest.length > 1 && countryCode(rest.join(", ")) ? [rest.join(", ")] : rest;
  const city = name ? pickCity(name, qualifiers) : undefined;
  if (city) return { ok: true, lat: city.lat, lon: city.lon, label: describeCity(city) };
  return {
    ok: false,
    code: "near-not-found",
    message: `We could not find "${input}". Try a city ("Denver"), a city with its state or country ("Portland, OR", "Paris, France"), a US ZIP code, or "latitude,longitude".`,
    suggestions: suggest(input),
  };
}
