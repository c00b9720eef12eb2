import { PHASES, ROUTES, SOURCES, STATUSES, THERAPIES } from "../../../lib/classify/slugs";
import { prng } from "./prng";

/**
 * Generated query strings for the search endpoints (SPEC §6), from a seed, so a failure can be
 * replayed exactly. Each query is built from parts (one `key=value` each) whose outcome the generator
 * knows from the value it chose: `ok` (the endpoint must answer 200), `bad` (it must answer 400 naming
 * that parameter) or `either` (junk whose fate depends on the gazetteer or on how repeated values
 * combine: 200 or 400, but never anything else). Values are chosen far from the length limits so
 * the verdicts do not depend on where exactly a limit lies.
 */

type Verdict = "ok" | "bad" | "either";
export type FuzzQuery = {
  /** The query string as sent, without "?" (may hold broken escapes on purpose). */
  qs: string;
  /** 200 or 400 when every part's outcome is known; "either" otherwise. */
  expect: 200 | 400 | "either";
  /** Parameters a 400 must name. */
  mustName: string[];
  /** Holds a value of 100 KB or more (the servers accept request heads up to 1 MiB: lib/next-server.ts). */
  huge: boolean;
};

type Part = { key: string; raw: string; verdict: Verdict };

type Rng = ReturnType<typeof prng>;

export const SEARCH_PARAMS = ["q", "therapy", "source", "donor", "route", "phase", "status", "country", "state", "city", "near", "radius", "sort", "page", "view"] as const;
type Param = (typeof SEARCH_PARAMS)[number];
const LIST_PARAMS = { therapy: THERAPIES, source: SOURCES, route: ROUTES, phase: PHASES, status: [...STATUSES, "open", "any"] } as const;
const TEXT_LIMITS = { q: 200, country: 100, state: 100, city: 100, near: 100 } as const;

/** Markup that must never come back unescaped in HTML (each calls fz(), which exists nowhere). */
const SCRIPT_PAYLOADS = [
  "<script>fz(1)</script>",
  '"><script>fz(2)</script>',
  "<img src=x onerror=fz(3)>",
  "<svg/onload=fz(4)>",
  "</script><script>fz(5)</script>",
  "javascript:fz(6)",
  "'><iframe src=javascript:fz(7)></iframe>",
  "<a href=\"javascript:fz(8)\">x</a>",
];
/** What an unescaped payload would look like in a page. */
export const UNESCAPED_MARKERS = ["<script>fz(", "<img src=x onerror=fz(", "<svg/onload=fz(", "<iframe src=javascript:fz(", '<a href="javascript:fz(', 'href="javascript:'];

const SQL_PAYLOADS = ["' OR 1=1 --", "'; DROP TABLE trial;--", '" OR ""="', "1; DELETE FROM site", "' UNION SELECT nct_id FROM trial --", "$1", "\\'; --", "%' AND 1=0 --", "1)) OR ((1=1", "pg_sleep(10)", "';SELECT pg_sleep(10);--"];
const TEXT_JUNK = [
  "!!!", "&&", "()", '"unclosed', "((((", "OR", "AND NOT", "-", ":*", "a:b", "\\", "~", "{}", "[]", "null", "undefined", "NaN", "__proto__",
  "constructor", "é", "椎间盘", "🙂", "\u202e", "\u200b", "\ufffd", "a".repeat(90), "ä".repeat(60), "Ω≈ç√∫", "ＡＢＣ", "١٢٣", "%", "%%", "100%",
];
/** Raw (not re-encoded) fragments: invalid percent escapes and UTF-8 that is not. */
const BROKEN_ESCAPES = ["%", "%zz", "%C3", "%ED%A0%80", "%00", "%E0%A4%A", "%F0%9F", "%%", "%2", "%FF%FE", "%C0%AF", "%u0041", "%25", "%2525", "%C3%28", "%F4%90%80%80", "%EF%BF%BE", "%0", "%%30", "%E2%82"];
const CONTROL = ["\u0000", "a\u0000b", "\u0001", "x\u001fy", "\u007f"];
const WHITESPACE = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000"];

// Known good and known bad values per parameter (decoded; encoded when sent).
const OK_TEXT: Record<"q" | "country" | "state" | "city", string[]> = {
  q: ["mesenchymal", "disc degeneration", '"bone marrow"', "stem -placebo", "PRP OR platelet", "back pain", "Schmerz", "椎间盘", "São Paulo", "(cells)", "a", "NCT04042844"],
  country: ["United States", "China", "Korea, Republic of", "Spain", "Nowhere", "Côte d'Ivoire"],
  state: ["Texas", "California", "Ontario", "TX", "Nowhere"],
  city: ["Boston", "New York", "Seoul", "Ōsaka", "Springfield"],
};
const OK_NEAR = ["Boston", "Denver, CO", "Portland, OR", "Paris, France", "London, UK", "10001", "02115", "90210", "40.7,-74.0", "-33.86, 151.2", "0,0", "90,180", "-90,-180", "São Paulo"];
const BAD_NEAR = ["91,0", "-91,10", "0,181", "45,-180.5", "99.9,99.9", "00000", "Springfield, Narnia", ",,,", "😀"];
const PAGE_OK = ["1", "2", "3", "17", "500", "007", " 4 ", "000001"];
const PAGE_BAD = ["0", "-1", "-0", "501", "1e309", "1e2", "1.5", "1.0", "0x10", "Infinity", "NaN", "+1", "9007199254740993", "9999999", "one", "1,2", "²", "١"];
const RADIUS_OK = ["50mi", "80km", "100", "2999mi", "0.5km", "10.25mi", "50MI", "50 km", "3000mi", "4828km", "0.01mi", "1"];
const RADIUS_BAD = ["-5km", "0", "0mi", "99999999mi", "3001mi", "4829km", "1e3mi", "Infinity", "NaN", "50miles", "50 m", ".5mi", "50.123mi", "00050mi", "50mi,80km", "1e309km", "-0.0mi", "far"];
const SORT_OK = ["relevance", "updated", "start", "Updated", " start ", "updated,updated"];
const SORT_BAD = ["newest", "relevance,updated", "dist", "asc", "-updated"];
const DONOR_OK = ["autologous", "allogeneic", "Autologous", " ALLOGENEIC ", "autologous,autologous"];
const DONOR_BAD = ["mixed", "autologous,allogeneic", "auto", "self", "both"];
const VIEW_OK = ["list", "map", "MAP", "list,map"];
const VIEW_BAD = ["grid", "table", "list,grid"];
const LIST_BAD: Record<keyof typeof LIST_PARAMS, string[]> = {
  therapy: ["cell_therapy", "cells", "stem-cells", "cell therapy"],
  source: ["bone marrow", "adipose-derived", "cord", "fat", "bone-marow"],
  route: ["intra-discal", "disc", "iv", "intradiscal;epidural"],
  phase: ["5", "0", "early1", "n/a", "1/2", "I", "II", "1;2", "1 2", "phase-5", "-1"],
  status: ["not_yet_recruiting", "opened", "all", "closed", "any;", "recruiting;completed", "any,bogus", "open,closed"],
};
const UNKNOWN_KEYS = ["foo", "filter.phase", "query.cond", "Q", "PHASE", "Status", "q[]", "page[]", "pageSize", "limit", "__proto__", "constructor", "_rsc", "callback", "format", "%zz", "%", "%C3", "<script>", "' OR 1=1 --", "a b", "x".repeat(300), "😀", "utm_source", "fields"];
/** Whole separators and stray pieces: empty keys, bare `=`, doubled `&`. */
const STRAY = ["", "=", "&", "==x", "=q", "&&&", "q", "phase", "%", "%=%", "=%00"];

/** What a server sees for a raw value: WHATWG urlencoded parsing (bad escapes kept, bad UTF-8 → U+FFFD). */
function decodeValue(raw: string): string {
  return new URLSearchParams(`k=${raw}`).get("k") ?? "";
}
const enc = (v: string) => encodeURIComponent(v);
const hasControl = (v: string) => /[\u0000-\u0008\u000e-\u001f\u007f]/.test(v);

/** Verdict for a free-text parameter from what the server will read (whether junk in `near` names a place is the gazetteer's call). */
function textVerdict(param: keyof typeof TEXT_LIMITS, decoded: string): Verdict {
  const v = decoded.replace(/\s+/g, " ").trim();
  if (!v) return "ok";
  if (hasControl(v) || v.length > TEXT_LIMITS[param]) return "bad";
  return param === "near" ? "either" : "ok";
}

/** A value of `len` characters that contains no whitespace and is no slug (so it is junk to every parameter). */
function longJunk(rng: Rng, len: number): string {
  const unit = rng.pick(["x", "<script>", "'OR'1'='1", "é", "%41", "A1-"]);
  return unit.repeat(Math.ceil(len / unit.length)).slice(0, len);
}

/** A random junk value, raw (ready for the URL), with its decoded form. */
function junk(rng: Rng): { raw: string; decoded: string } {
  const kind = rng.int(6);
  let raw: string;
  if (kind === 0) raw = enc(rng.pick(SQL_PAYLOADS));
  else if (kind === 1) raw = enc(rng.pick(SCRIPT_PAYLOADS));
  else if (kind === 2) raw = rng.pick(BROKEN_ESCAPES) + (rng.chance(0.5) ? enc(rng.pick(TEXT_JUNK)) : "");
  else if (kind === 3) raw = enc(rng.pick(CONTROL));
  else if (kind === 4) raw = enc(rng.pick(TEXT_JUNK));
  else raw = enc(rng.pick(TEXT_JUNK)) + rng.pick(BROKEN_ESCAPES) + enc(rng.pick(SCRIPT_PAYLOADS));
  return { raw, decoded: decodeValue(raw) };
}

function listValue(rng: Rng, param: keyof typeof LIST_PARAMS): { raw: string; verdict: Verdict } {
  const allowed = LIST_PARAMS[param] as readonly string[];
  const r = rng.int(10);
  if (r < 4) {
    // Valid: a subset, in any order and case, with stray spaces, empty items and duplicates.
    const items = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(allowed));
    if (rng.chance(0.3)) items.push(items[0]!);
    let v = items.map((i) => (rng.chance(0.2) ? i.toUpperCase() : rng.chance(0.2) ? ` ${i} ` : i)).join(rng.chance(0.8) ? "," : " , ");
    if (param === "phase" && rng.chance(0.3)) v = v.replace(/(^|,)(\d)/g, `$1${rng.pick(["phase-", "Phase", "PHASE "])}$2`);
    if (rng.chance(0.15)) v = rng.chance(0.5) ? `${v},` : `,,${v}`;
    return { raw: enc(v), verdict: "ok" };
  }
  if (r < 6) {
    // Near-valid: a typo or a wrong separator, alone or beside valid items.
    const bad = rng.pick(LIST_BAD[param]);
    const v = rng.chance(0.5) ? bad : `${rng.pick(allowed)},${bad}`;
    return { raw: enc(v), verdict: "bad" };
  }
  if (r < 7) {
    // Huge but valid: thousands of repeats of one slug.
    const slug = rng.pick(allowed);
    return { raw: enc(`${slug},`.repeat(200 + rng.int(800))), verdict: "ok" };
  }
  const j = junk(rng);
  return { raw: j.raw, verdict: j.decoded.trim() ? "bad" : "ok" };
}

function choiceValue(rng: Rng, ok: string[], bad: string[]): { raw: string; verdict: Verdict } {
  const r = rng.int(10);
  if (r < 4) return { raw: enc(rng.pick(ok)), verdict: "ok" };
  if (r < 8) return { raw: enc(rng.pick(bad)), verdict: "bad" };
  const j = junk(rng);
  return { raw: j.raw, verdict: j.decoded.trim() ? "bad" : "ok" };
}

function textValue(rng: Rng, param: "q" | "country" | "state" | "city" | "near"): { raw: string; verdict: Verdict } {
  const r = rng.int(10);
  if (param === "near" && r < 3) return { raw: enc(rng.pick(OK_NEAR)), verdict: "ok" };
  if (param === "near" && r < 5) return { raw: enc(rng.pick(BAD_NEAR)), verdict: "bad" };
  if (param !== "near" && r < 4) {
    const v = rng.pick(OK_TEXT[param]);
    return { raw: enc(rng.chance(0.2) ? `${rng.pick(WHITESPACE)}${v}${rng.pick(WHITESPACE)}` : v), verdict: "ok" };
  }
  if (r < 6) {
    const raw = enc(longJunk(rng, 1_000 + rng.int(3_000)));
    return { raw, verdict: "bad" };
  }
  const j = junk(rng);
  return { raw: j.raw, verdict: textVerdict(param, j.decoded) };
}

function valueFor(rng: Rng, param: Param): { raw: string; verdict: Verdict } {
  // Now and then an empty or blank value: the same as leaving the parameter out.
  if (rng.chance(0.04)) return { raw: enc(rng.pick(["", ...WHITESPACE])), verdict: "ok" };
  if (rng.chance(0.03)) return { raw: enc(longJunk(rng, 500 + rng.int(5_000))), verdict: "bad" };
  switch (param) {
    case "therapy":
    case "source":
    case "route":
    case "phase":
    case "status":
      return listValue(rng, param);
    case "donor":
      return choiceValue(rng, DONOR_OK, DONOR_BAD);
    case "sort": {
      // distance is judged later, against the query's `near`.
      if (rng.chance(0.25)) return { raw: enc(rng.pick(["distance", "Distance", " distance"])), verdict: "either" };
      return choiceValue(rng, SORT_OK, SORT_BAD);
    }
    case "page":
      return choiceValue(rng, PAGE_OK, PAGE_BAD);
    case "radius":
      return choiceValue(rng, RADIUS_OK, RADIUS_BAD);
    case "view":
      return choiceValue(rng, VIEW_OK, VIEW_BAD);
    default:
      return textValue(rng, param);
  }
}

/** The outcome of one parameter given all its parts, combined as the server does: blank values are
 * dropped, the rest joined with commas (SPEC §6: `phase=1&phase=2` is `phase=1,2`). */
function combine(param: Param, parts: Part[], near: Verdict | "absent"): Verdict {
  const live = parts.filter((p) => decodeValue(p.raw).trim() !== "");
  if (!live.length) return "ok";
  const joined = live.map((p) => decodeValue(p.raw).trim()).join(",");
  if (param === "q" || param === "country" || param === "state" || param === "city") return textVerdict(param, joined);
  if (param === "near") return live.length === 1 ? live[0]!.verdict : textVerdict("near", joined);
  if (live.some((p) => p.verdict === "bad")) return "bad";
  const items = new Set(joined.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean));
  if (param === "sort") {
    if (items.size > 1) return "bad"; // "choose one value"
    if (!items.has("distance")) return "ok";
    return near === "ok" ? "ok" : near === "absent" ? "bad" : "either";
  }
  if (param === "donor") return items.size > 1 ? "bad" : "ok";
  if (live.length === 1) return live[0]!.verdict;
  if (param === "page" || param === "radius") return "bad"; // "1,2" is no page, "50mi,80km" no radius
  return live.every((p) => p.verdict === "ok") ? "ok" : "either";
}

/** Below the servers' 1 MiB request-head limit, leaving room for the path and the client's headers. */
const SAFE_QS = 1000 * 1024;

export function generateQueries(seed: number, count: number): FuzzQuery[] {
  const rng = prng(seed);
  const out: FuzzQuery[] = [];
  while (out.length < count) {
    const parts: Part[] = [];
    const n = rng.chance(0.03) ? 0 : rng.chance(0.1) ? 6 + rng.int(12) : 1 + rng.int(4);
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      if (r < 0.72) {
        const param = rng.pick(SEARCH_PARAMS);
        parts.push({ key: param, ...valueFor(rng, param) });
        // Repeated parameters: ?phase=1&phase=2, and worse.
        if (rng.chance(0.12)) parts.push({ key: param, ...valueFor(rng, param) });
      } else if (r < 0.9) {
        const rawKey = rng.chance(0.7) ? rng.pick(UNKNOWN_KEYS) : junk(rng).raw;
        const key = /[%]/.test(rawKey) ? rawKey : enc(rawKey);
        if ((SEARCH_PARAMS as readonly string[]).includes(decodeValue(key))) continue;
        parts.push({ key, raw: rng.chance(0.5) ? junk(rng).raw : enc(rng.pick(TEXT_JUNK)), verdict: "ok" });
      } else {
        const stray = rng.pick(STRAY);
        // A bare name (`phase`, or `=q`'s empty key) reads as an empty value: the parameter is absent.
        parts.push({ key: "", raw: stray, verdict: "ok" });
      }
    }
    // Now and then a 100 KB value, far over Node's default 16 KiB request-head limit.
    const huge = rng.chance(0.01);
    if (huge) parts.push({ key: rng.pick(SEARCH_PARAMS), raw: enc(longJunk(rng, 100 * 1024)), verdict: "bad" });
    const qs = parts.map((p) => (p.key === "" ? p.raw : `${p.key}=${p.raw}`)).join("&");
    const length = new URL(`http://h/api/trials.csv?${qs}`).search.length;
    if (length > SAFE_QS) continue; // too close to the limit to say what must happen

    const byParam = new Map<Param, Part[]>();
    for (const p of parts) {
      if ((SEARCH_PARAMS as readonly string[]).includes(p.key)) byParam.set(p.key as Param, [...(byParam.get(p.key as Param) ?? []), p]);
    }
    const nearParts = (byParam.get("near") ?? []).filter((p) => decodeValue(p.raw).trim() !== "");
    const near = nearParts.length ? combine("near", nearParts, "absent") : "absent";
    const verdicts = [...byParam].map(([param, ps]) => [param, combine(param, ps, near)] as const);
    const mustName = verdicts.filter(([, v]) => v === "bad").map(([p]) => p);
    const expect = mustName.length ? 400 : verdicts.every(([, v]) => v === "ok") ? 200 : "either";
    out.push({ qs, expect, mustName, huge });
  }
  return out;
}
