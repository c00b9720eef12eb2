/**
 * npm run check:structure — the layout rules of ../shared/notes/style.md, checked (SPEC §8; CI runs
 * it beside typecheck and lint). Reads app/, lib/ and jobs/ with the TypeScript parser, no network,
 * about a second. Fails, naming the file and the rule, on:
 * - an import cycle (static imports; `import type` is erased and a dynamic `import()` is how a
 *   module loads another lazily, so neither counts);
 * - a module in lib/ importing one in app/ (data flows app → lib → database, never back);
 * - a file in a role it does not play: in lib/<domain>/, `service.ts` is an outside HTTP client (it
 *   calls fetch) and `mutations.ts` writes; no `index.ts` barrels; no utils/helpers files;
 * - a write to the sync_run table (SQL INSERT/UPDATE/DELETE, or prisma.syncRun.create/update/…)
 *   anywhere but lib/sync/mutations.ts, the one home of the run record's writes.
 * Test files (*.test.ts) may set up any state and are exempt from the role and sync_run rules.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Problem = { rule: "cycle" | "lib-imports-app" | "file-role" | "sync-run-write"; file: string; message: string };

const ROOTS = ["app", "lib", "jobs"];
const SKIP_DIRS = new Set(["node_modules", "generated", ".next"]);
const SOURCE = /\.(ts|tsx|mts)$/;
const EXTENSIONS = [".ts", ".tsx", ".mts", "/index.ts", "/index.tsx"];
const SYNC_RUN_HOME = "lib/sync/mutations.ts";
const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+(?:"?public"?\.)?"?sync_run"?(?![\w])/i;
const PRISMA_WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"]);
const PRISMA_OR_SQL_WRITE = /\.(?:create|createMany|update|updateMany|upsert|delete|deleteMany)\s*\(|\$executeRaw|\b(?:INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/i;

function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(rel);
      } else if (SOURCE.test(name) && !name.endsWith(".d.ts")) out.push(rel);
    }
  };
  for (const r of ROOTS) if (existsSync(path.join(root, r))) walk(r);
  return out;
}

type Parsed = {
  /** The modules the file loads when it runs: static imports and re-exports, without type-only ones. */
  imports: string[];
  /** Its string and template literals (where SQL lives), with their line numbers. */
  strings: { line: number; text: string }[];
  /** Lines of `<x>.syncRun.<write>(…)` calls. */
  prismaSyncRunWrites: number[];
  /** Whether the identifier `fetch` appears in code (not in a comment). */
  usesFetch: boolean;
};

function parse(file: string, text: string): Parsed {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const parsed: Parsed = { imports: runtimeSpecifiers(sf), strings: [], prismaSyncRunWrites: [], usesFetch: false };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      parsed.strings.push({ line: line(node.getStart(sf)), text: node.text });
    } else if (ts.isIdentifier(node) && node.text === "fetch") {
      parsed.usesFetch = true;
    } else if (
      ts.isPropertyAccessExpression(node) &&
      PRISMA_WRITES.has(node.name.text) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "syncRun"
    ) {
      parsed.prismaSyncRunWrites.push(line(node.getStart(sf)));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return parsed;
}

function runtimeSpecifiers(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      // `import { type A, type B } from "x"` is erased too (no default, no namespace, no value name).
      const named = clause?.namedBindings;
      if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
      out.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      out.push(st.moduleSpecifier.text);
    }
  }
  return out;
}

function resolve(root: string, from: string, spec: string, known: Set<string>): string | undefined {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  else return undefined; // a package
  const stem = base.replace(/\.(js|mjs|ts|tsx|mts)$/, "");
  for (const candidate of [base, ...EXTENSIONS.map((e) => stem + e)]) if (known.has(candidate)) return candidate;
  return undefined;
}

/** Strongly connected components (Tarjan): one concrete cycle through each, and its other files. */
function cycles(graph: Map<string, string[]>): { cycle: string[]; others: string[] }[] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: { cycle: string[]; others: string[] }[] = [];
  const connect = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) {
        const cycle = pathThrough(graph, new Set(comp));
        found.push({ cycle, others: comp.filter((f) => !cycle.includes(f)).sort() });
      }
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) connect(v);
  return found;
}

/** A shortest path from the component's first file back to itself, inside the component. */
function pathThrough(graph: Map<string, string[]>, comp: Set<string>): string[] {
  const start = [...comp].sort()[0]!;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!comp.has(w)) continue;
      if (w === start) {
        const cycle = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = prev.get(u)) cycle.splice(1, 0, u);
        return [...cycle, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

function roleProblems(file: string, text: string, parsed: Parsed): Problem[] {
  const name = path.posix.basename(file);
  const out: Problem[] = [];
  if (/^index\.(ts|tsx|mts)$/.test(name)) out.push({ rule: "file-role", file, message: `${file}: no index.ts barrels; import the module that defines the name` });
  if (/^(utils?|helpers?)([.-]|$)/i.test(name) || /\/(utils?|helpers?)\//i.test(file)) {
    out.push({ rule: "file-role", file, message: `${file}: no utils/helpers files; name the module for what it does (e.g. encode.ts)` });
  }
  const inDomain = /^lib\/[^/]+\/[^/]+$/.test(file);
  if (inDomain && name === "service.ts" && !parsed.usesFetch) {
    out.push({ rule: "file-role", file, message: `${file}: service.ts is an outside HTTP client and this one never calls fetch; name it for what it does` });
  }
  if (inDomain && name === "mutations.ts" && !PRISMA_OR_SQL_WRITE.test(text)) {
    out.push({ rule: "file-role", file, message: `${file}: mutations.ts holds writes and this one writes nothing; pure helpers go in a named module (e.g. encode.ts)` });
  }
  return out;
}

function syncRunWrites(file: string, parsed: Parsed): Problem[] {
  if (file === SYNC_RUN_HOME) return [];
  const lines = [...parsed.strings.filter((s) => SQL_WRITE.test(s.text)).map((s) => s.line), ...parsed.prismaSyncRunWrites];
  return [...new Set(lines)]
    .sort((a, b) => a - b)
    .map((n) => ({ rule: "sync-run-write", file, message: `${file}:${n}: writes sync_run; every write of the run record belongs in ${SYNC_RUN_HOME}` }));
}

export function checkStructure(root: string): Problem[] {
  const files = listSources(root);
  const known = new Set(files);
  const problems: Problem[] = [];
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), "utf8");
    const parsed = parse(file, text);
    const edges: string[] = [];
    for (const spec of parsed.imports) {
      const target = resolve(root, file, spec, known);
      if (!target) continue;
      edges.push(target);
      if (file.startsWith("lib/") && target.startsWith("app/")) {
        problems.push({ rule: "lib-imports-app", file, message: `${file}: imports ${target}; lib/ never imports app/ (move the shared code into lib/)` });
      }
    }
    graph.set(file, edges);
    if (/\.test\.tsx?$/.test(file)) continue;
    problems.push(...roleProblems(file, text, parsed), ...syncRunWrites(file, parsed));
  }
  for (const { cycle, others } of cycles(graph)) {
    const also = others.length ? ` (files also caught in it: ${others.join(", ")})` : "";
    problems.push({ rule: "cycle", file: cycle[0]!, message: `import cycle: ${cycle.join(" → ")}${also}; move what they share into a module both import` });
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const problems = checkStructure(process.cwd());
  for (const p of problems) console.error(`check:structure [${p.rule}] ${p.message}`);
  const ms = Math.round(performance.now() - started);
  if (problems.length) {
    console.error(`check:structure: ${problems.length} problem(s) (${ms} ms)`);
    process.exit(1);
  }
  console.log(`check:structure: app/, lib/ and jobs/ follow the layout rules (${ms} ms)`);
}
