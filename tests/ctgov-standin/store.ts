import { type GeoPoint, geoPointsOf, NCT_ID, nctIdOf, StudyDoc } from "./doc";
import type { Searchable } from "./essie";
import type { Raw } from "./fields";
import type { SyntheticSet } from "./synthetic";

/** One live study as the query code sees it; `load()` gives the full record. */
export type Entry = {
  id: string;
  aliases: string[];
  status: string | undefined;
  doc: Searchable;
  geo(): GeoPoint[];
  load(): Raw;
  /** Serialised record, cached for real records (most pages are served whole). */
  json(): string;
};

type RealEntry = Entry & { raw: Raw };

function realEntry(raw: Raw): RealEntry {
  const id = nctIdOf(raw)!;
  const idm = (raw.protocolSection as { identificationModule?: { nctIdAliases?: unknown } }).identificationModule;
  let json: string | undefined;
  return {
    id,
    raw,
    aliases: Array.isArray(idm?.nctIdAliases) ? idm.nctIdAliases.filter((a): a is string => typeof a === "string") : [],
    status: (raw.protocolSection as { statusModule?: { overallStatus?: string } }).statusModule?.overallStatus,
    doc: new StudyDoc(raw),
    geo: () => geoPointsOf(raw),
    load: () => raw,
    json: () => (json ??= JSON.stringify(raw)),
  };
}

/**
 * The records a stand-in serves: the directory contents, plus test mutations layered on top
 * (replaced/added records, removed ids), plus optional synthetic studies. `version` changes on
 * every mutation so cached query results are dropped.
 */
export class StudyStore {
  private readonly base = new Map<string, RealEntry>();
  private readonly overrides = new Map<string, RealEntry>();
  private readonly removed = new Set<string>();
  private sortedReal: RealEntry[] | null = null;
  version = 0;

  constructor(
    records: Map<string, Raw>,
    readonly synthetic: SyntheticSet | null,
  ) {
    for (const raw of records.values()) {
      const e = realEntry(raw);
      this.base.set(e.id, e);
    }
  }

  /** Live record by id (mutations and synthetic studies included). */
  get(id: string): Entry | undefined {
    if (this.removed.has(id)) return undefined;
    const real = this.overrides.get(id) ?? this.base.get(id);
    if (real) return real;
    const i = this.synthetic?.indexOf(id);
    return i === undefined ? undefined : this.syntheticEntry(i);
  }

  /** Real (non-synthetic) live entries, plus overrides of synthetic ids, sorted by id. */
  realEntries(): RealEntry[] {
    if (!this.sortedReal) {
      const all = new Map(this.base);
      for (const [id, e] of this.overrides) all.set(id, e);
      this.sortedReal = [...all.values()].filter((e) => !this.removed.has(e.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
    }
    return this.sortedReal;
  }

  /** Is synthetic study i shadowed by a test mutation (replaced or removed)? */
  shadowed(i: number): boolean {
    const id = this.synthetic!.idOf(i);
    return this.overrides.has(id) || this.removed.has(id);
  }

  syntheticEntry(i: number): Entry {
    const s = this.synthetic!;
    return {
      id: s.idOf(i),
      aliases: [],
      status: s.status(i),
      doc: s.doc(i),
      geo: () => s.geo(i),
      load: () => s.build(i),
      json: () => JSON.stringify(s.build(i)),
    };
  }

  /** How many studies are served now. Only mutated ids can shadow synthetic ones, so count those. */
  count(): number {
    const s = this.synthetic;
    if (!s) return this.realEntries().length;
    const shadowed = new Set([...this.overrides.keys(), ...this.removed].filter((id) => s.indexOf(id) !== undefined));
    return this.realEntries().length + s.count - shadowed.size;
  }

  upsert(raw: unknown): string {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new Error("a study must be a JSON object");
    const id = nctIdOf(raw);
    if (!id || !NCT_ID.test(id)) throw new Error("protocolSection.identificationModule.nctId must be NCT followed by 8 digits");
    this.overrides.set(id, realEntry(raw as Raw));
    this.removed.delete(id);
    this.changed();
    return id;
  }

  remove(id: string): void {
    if (!this.get(id)) throw new Error(`${id} is not served`);
    this.removed.add(id);
    this.changed();
  }

  /** Back to the directory's (or synthetic) version of one study: undoes its removal and replacement; an added study goes away. */
  restore(id: string): void {
    const known = this.base.has(id) || this.synthetic?.indexOf(id) !== undefined;
    if (!known && !this.overrides.has(id)) throw new Error(`${id} is not in the data`);
    this.removed.delete(id);
    this.overrides.delete(id);
    this.changed();
  }

  reset(): void {
    this.overrides.clear();
    this.removed.clear();
    this.changed();
  }

  private changed() {
    this.sortedReal = null;
    this.version++;
  }
}
