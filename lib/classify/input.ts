import { readStudy } from "./record";
import type { Classification } from "./schema";

// What `npm run classify` accepts and prints. Pure, so the CLI stays a thin shell.

export type StudiesResult = { ok: true; studies: unknown[] } | { ok: false; error: string };

function isStudy(v: unknown): boolean {
  return v !== null && typeof v === "object" && !Array.isArray(v) && "protocolSection" in v;
}

/** The studies in a parsed JSON file: one study object, an array of them, or an API page `{studies: [...]}`. */
export function studiesIn(json: unknown): StudiesResult {
  if (isStudy(json)) return { ok: true, studies: [json] };
  const list = Array.isArray(json) ? json : json !== null && typeof json === "object" && Array.isArray((json as { studies?: unknown }).studies) ? (json as { studies: unknown[] }).studies : undefined;
  if (!list) return { ok: false, error: "not a study object, an array of studies or an API page with a 'studies' array" };
  const bad = list.findIndex((s) => !isStudy(s));
  if (bad >= 0) return { ok: false, error: `item ${bad} is not a study object (no protocolSection)` };
  return { ok: true, studies: list };
}

/**
 * The date a record's data describes: its version holder date (YYYY-MM-DD, read as UTC), else
 * `fallback` (the sync time, or now). Flags are computed against it; the sync, the CLI, the
 * evaluation and the benchmark all use this one rule.
 */
export function asOfFor(raw: unknown, fallback: Date): Date {
  const holder = readStudy(raw).versionHolder;
  return holder && /^\d{4}-\d{2}-\d{2}$/.test(holder) ? new Date(`${holder}T00:00:00Z`) : fallback;
}

/** One output line, keys in the documented order. */
export function toLine(c: Classification): string {
  const { nctId, therapy, source, donor, route, phase, flags, why } = c;
  return JSON.stringify({ nctId, therapy, source, donor, route, phase, flags, why });
}
