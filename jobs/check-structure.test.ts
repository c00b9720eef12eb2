import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkStructure } from "./check-structure";

// The structure check on this repository, and on small planted trees in a temp directory (never the
// real tree): a tree that follows the rules passes, and each broken rule is reported with its file.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A tree that follows every rule, plus `extra` files (path → source). */
function plant(extra: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "dtf-structure-"));
  dirs.push(root);
  const files: Record<string, string> = {
    "app/trials/page.tsx": 'import { search } from "@/lib/search/data";\nimport { Form } from "./form";\nexport default () => [search(), Form()];\n',
    "app/trials/form.tsx": 'import { useGo } from "./navigate";\nexport const Form = () => useGo();\n',
    "app/trials/navigate.ts": "export const useGo = () => 1;\n",
    "lib/search/data.ts": 'import type { Row } from "./schema";\nexport const search = (): Row[] => [];\n',
    "lib/search/schema.ts": "export type Row = { id: string };\n",
    "lib/sync/mutations.ts": 'export const finish = (db: { $executeRawUnsafe(q: string): unknown }) => db.$executeRawUnsafe("UPDATE sync_run SET status = \'succeeded\'");\n',
    "lib/sync/data.ts": 'export const runs = (db: { $queryRawUnsafe(q: string): unknown }) => db.$queryRawUnsafe("SELECT * FROM sync_run");\n',
    "lib/ctgov/service.ts": "export const page = (url: string) => fetch(url);\n",
    "jobs/sync.ts": 'import { finish } from "../lib/sync/mutations";\nexport { finish };\n',
    ...extra,
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const rules = (root: string) => checkStructure(root).map((p) => `${p.rule} ${p.message}`);

describe("check:structure", () => {
  it("passes on this repository", () => {
    expect(rules(path.join(import.meta.dirname, ".."))).toEqual([]);
  });

  it("passes a tree that follows the rules (type-only and lazy imports do not make cycles)", () => {
    const root = plant({
      // a type-only import back and a dynamic import back are not runtime cycles
      "lib/search/schema.ts": 'import type { search } from "./data";\nexport type Row = { id: string; s?: typeof search };\n',
      "app/trials/navigate.ts": 'export const useGo = () => 1;\nexport const later = () => import("./form");\n',
    });
    expect(rules(root)).toEqual([]);
  });

  it("fails on an import cycle and names the files in it", () => {
    const root = plant({ "app/trials/navigate.ts": 'import { Form } from "./form";\nexport const useGo = () => 1;\nexport const f = Form;\n' });
    expect(rules(root)).toEqual(["cycle import cycle: app/trials/form.tsx → app/trials/navigate.ts → app/trials/form.tsx; move what they share into a module both import"]);
  });

  it("fails on a longer cycle through a re-export and the @/ alias", () => {
    const root = plant({
      "lib/a/one.ts": 'export { two } from "@/lib/a/two";\n',
      "lib/a/two.ts": 'import { three } from "./three";\nexport const two = three;\n',
      "lib/a/three.ts": 'import * as one from "./one";\nexport const three = one;\n',
    });
    expect(rules(root)).toEqual(["cycle import cycle: lib/a/one.ts → lib/a/two.ts → lib/a/three.ts → lib/a/one.ts; move what they share into a module both import"]);
  });

  it("fails when lib imports app", () => {
    const root = plant({ "lib/search/data.ts": 'import { useGo } from "../../app/trials/navigate";\nexport const search = () => useGo();\n' });
    expect(rules(root)).toEqual(["lib-imports-app lib/search/data.ts: imports app/trials/navigate.ts; lib/ never imports app/ (move the shared code into lib/)"]);
  });

  it("fails on a sync_run write outside lib/sync/mutations.ts, in SQL or through Prisma", () => {
    const root = plant({
      "lib/sync/run.ts": [
        "export async function run(db: any) {",
        '  await db.$executeRawUnsafe("SELECT 1");',
        "  await db.$executeRaw`UPDATE sync_run SET pages_done = ${1}`;",
        "  await db.$executeRawUnsafe(`",
        "    INSERT INTO sync_run (status)",
        "    VALUES ('running')`);",
        "  await db.syncRun.upsert({});",
        "  // A comment about UPDATE sync_run is not a write.",
        '  return db.syncRun.findMany({ where: { status: "running" } });',
        "}",
      ].join("\n"),
    });
    expect(rules(root)).toEqual([
      "sync-run-write lib/sync/run.ts:3: writes sync_run; every write of the run record belongs in lib/sync/mutations.ts",
      "sync-run-write lib/sync/run.ts:4: writes sync_run; every write of the run record belongs in lib/sync/mutations.ts",
      "sync-run-write lib/sync/run.ts:7: writes sync_run; every write of the run record belongs in lib/sync/mutations.ts",
    ]);
  });

  it("fails on a sync_run write in app/ or jobs/ too, but not in a test file", () => {
    const root = plant({
      "app/api/admin/route.ts": 'export const POST = (db: any) => db.syncRun.create({ data: {} });\n',
      "jobs/sweep.ts": 'export const sweep = (db: any) => db.$executeRawUnsafe(`DELETE FROM "sync_run" WHERE true`);\n',
      "lib/sync/run.test.ts": 'export const setup = (db: any) => db.$executeRawUnsafe("DELETE FROM sync_run");\n',
    });
    expect(rules(root)).toEqual([
      "sync-run-write app/api/admin/route.ts:1: writes sync_run; every write of the run record belongs in lib/sync/mutations.ts",
      "sync-run-write jobs/sweep.ts:1: writes sync_run; every write of the run record belongs in lib/sync/mutations.ts",
    ]);
  });

  it("does not mistake another table for sync_run", () => {
    const root = plant({ "lib/sync/run.ts": 'export const f = (db: any) => db.$executeRawUnsafe("UPDATE sync_run_page SET n = 1; INSERT INTO trial SELECT * FROM sync_run");\n' });
    expect(rules(root)).toEqual([]);
  });

  it("fails on files outside their role: a service.ts that never fetches, a mutations.ts that never writes, a barrel, a helpers file", () => {
    const root = plant({
      "lib/sync/service.ts": 'import { finish } from "./mutations";\nexport const start = finish;\n',
      "lib/search/mutations.ts": "export const encode = (s: string) => s.trim();\n",
      "lib/geo/index.ts": 'export { search } from "../search/data";\n',
      "lib/search/helpers.ts": "export const x = 1;\n",
      "app/utils/format.ts": "export const y = 1;\n",
    });
    expect(rules(root).sort()).toEqual([
      "file-role app/utils/format.ts: no utils/helpers files; name the module for what it does (e.g. encode.ts)",
      "file-role lib/geo/index.ts: no index.ts barrels; import the module that defines the name",
      "file-role lib/search/helpers.ts: no utils/helpers files; name the module for what it does (e.g. encode.ts)",
      "file-role lib/search/mutations.ts: mutations.ts holds writes and this one writes nothing; pure helpers go in a named module (e.g. encode.ts)",
      "file-role lib/sync/service.ts: service.ts is an outside HTTP client and this one never calls fetch; name it for what it does",
    ]);
  });
});
