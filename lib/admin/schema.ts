import { z } from "zod";

export const loginBodySchema = z.strictObject({ password: z.string().min(1).max(1024) });
export const syncStartBodySchema = z.strictObject({ mode: z.enum(["incremental", "full"]) });
/** A run id in a path: plain decimal digits only ("1e3", "0x10", " 7" and "+7" are not ids). */
export const runIdParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().max(2_147_483_647));

const isoOrNull = z.string().nullable();

/** What GET /api/admin/sync/{runId} returns (SPEC §7), also the rows of the run history. */
export const runViewSchema = z.object({
  runId: z.number().int(),
  mode: z.string(),
  trigger: z.string(),
  status: z.enum(["running", "succeeded", "failed", "abandoned"]),
  counts: z.object({
    fetched: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    removed: z.number(),
    restored: z.number(),
    invalid: z.number(),
  }),
  pagesDone: z.number(),
  pagesExpected: z.number().nullable(),
  totalExpected: z.number().nullable(),
  startedAt: z.string(),
  finishedAt: isoOrNull,
  heartbeatAt: z.string(),
  /** running, but no heartbeat within the lock's TTL: its process probably died; the next claim marks it abandoned */
  heartbeatStale: z.boolean(),
  elapsedMs: z.number(),
  estimatedRemainingMs: z.number().nullable(),
  dataTimestamp: isoOrNull,
  error: isoOrNull,
});
export type RunView = z.infer<typeof runViewSchema>;

/** A row of the run history: the run, the changes it recorded (SPEC §10) and what became of the digests it queued. */
export const historyRunViewSchema = runViewSchema.extend({
  changes: z.number(),
  digests: z.object({ sent: z.number(), pending: z.number(), failed: z.number(), unknown: z.number() }),
});
export type HistoryRunView = z.infer<typeof historyRunViewSchema>;

export const invalidRecordViewSchema = z.object({ id: z.number(), nctId: z.string().nullable(), error: z.string(), createdAt: z.string(), raw: z.unknown() });
export type InvalidRecordView = z.infer<typeof invalidRecordViewSchema>;

export const dashboardSchema = z.object({
  db: z.enum(["ok", "down"]),
  trials: z.object({ active: z.number(), removed: z.number(), invalidRecords: z.number() }).nullable(),
  lastSuccessfulSync: z.object({ runId: z.number(), finishedAt: isoOrNull, dataTimestamp: isoOrNull }).nullable(),
  nextRuns: z.object({ incremental: isoOrNull, full: isoOrNull }),
  running: runViewSchema.nullable(),
  history: z.array(historyRunViewSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
