/**
 * Dev tool: write a new migration folder with the SQL that takes the database described by the
 * existing migrations to the current prisma/schema.prisma. Works offline through Prisma's schema
 * engine compiled to WebAssembly (docs/decisions/001-offline-migrations.md).
 *
 *   npm run db:diff -- --name add_something
 *
 * It diffs the schema committed at --from (default HEAD) against the working copy, so commit the
 * schema with each migration. No database is touched.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { readMigrations } from "../lib/db/migrate";

const require = createRequire(import.meta.url);

async function loadEngine() {
  // Node 20 cannot import a .wasm module directly: instantiate it by hand with the package's glue.
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return glue;
}

async function main() {
  const arg = (flag: string) => {
    const i = process.argv.indexOf(flag);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const name = arg("--name");
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:diff -- --name <snake_case_name> [--from <git-ref>]");
    process.exit(2);
  }
  const schemaPath = "prisma/schema.prisma";
  const schema = readFileSync(schemaPath, "utf8");
  // The starting point is the schema as committed at --from (default HEAD), or nothing at all when
  // there are no migrations yet. Diffing schema to schema needs no database.
  const fromRef = arg("--from") ?? "HEAD";
  const previous = readMigrations().length === 0 ? undefined : execFileSync("git", ["show", `${fromRef}:${schemaPath}`], { encoding: "utf8" });
  const glue = await loadEngine();
  const url = process.env.DIFF_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  const result = await engine.diff({
    from: previous === undefined ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: schemaPath, content: previous }] },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  } as never);
  const sql = (result as { stdout?: string }).stdout ?? "";
  if (!sql.trim() || /empty migration/i.test(sql)) {
    console.log(`schema at ${fromRef} and the working schema agree: nothing to write`);
    return;
  }
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join("prisma/migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql — review it, then run npm run db:migrate`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
