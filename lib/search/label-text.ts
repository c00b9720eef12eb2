// Label helpers with no tables of their own, for client code: the tables (labels.ts) arrive as props.

export const label = (table: Record<string, string>, slug: string) => table[slug] ?? slug;

export function phaseText(phases: string[], table: Record<string, string>): string {
  if (!phases.length) return "Phase not stated";
  const nums = phases.filter((p) => p !== "na" && p !== "early-1");
  if (nums.length > 1) return `Phase ${nums.join("/")}`;
  return phases.map((p) => label(table, p)).join(", ");
}
