/**
 * Records nested deeper than any real ClinicalTrials.gov study (which stays under 10 levels) are
 * refused before anything recursive touches them: JSON.stringify, structuredClone, Prisma and the
 * jsonb parser all recurse, and a value thousands of levels deep overflows the stack ("Maximum call
 * stack size exceeded"), which used to fail the whole page on every run (issue 19). Both functions
 * here walk with an explicit stack, so they cannot overflow whatever the input.
 */
export const MAX_RECORD_DEPTH = 64;

type Frame = { value: unknown; depth: number; path: string };

/** The path of the first object or array deeper than `limit` levels, or null when there is none. */
export function tooDeepAt(value: unknown, limit = MAX_RECORD_DEPTH): string | null {
  const stack: Frame[] = [{ value, depth: 1, path: "$" }];
  while (stack.length) {
    const { value: v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > limit) return path;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) stack.push({ value: v[i], depth: depth + 1, path: `${path}[${i}]` });
    else for (const [k, child] of Object.entries(v)) stack.push({ value: child, depth: depth + 1, path: `${path}.${k}` });
  }
  return null;
}

export const PRUNED = `[nested deeper than ${MAX_RECORD_DEPTH} levels: not stored]`;

/** A copy of `value` whose objects and arrays below `limit` levels are replaced by PRUNED, so it can be stored and shown. */
export function pruneDeep(value: unknown, limit = MAX_RECORD_DEPTH): unknown {
  const root: { v: unknown } = { v: undefined };
  const stack: { value: unknown; depth: number; assign: (copy: unknown) => void }[] = [{ value, depth: 1, assign: (c) => (root.v = c) }];
  while (stack.length) {
    const { value: v, depth, assign } = stack.pop()!;
    if (v === null || typeof v !== "object") {
      assign(v);
    } else if (depth > limit) {
      assign(PRUNED);
    } else if (Array.isArray(v)) {
      const copy: unknown[] = new Array(v.length);
      assign(copy);
      v.forEach((child, i) => stack.push({ value: child, depth: depth + 1, assign: (c) => (copy[i] = c) }));
    } else {
      const copy: Record<string, unknown> = {};
      assign(copy);
      for (const [k, child] of Object.entries(v)) stack.push({ value: child, depth: depth + 1, assign: (c) => (copy[k] = c) });
    }
  }
  return root.v;
}
