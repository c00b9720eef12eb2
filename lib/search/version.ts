/**
 * The data version search answers are tagged with (cache.ts, index-run.ts): the newest sync run's id,
 * status and pages done. One SQL expression, so a statement can read it in the same snapshot as its data.
 */
export const DATA_VERSION_SQL = `coalesce((SELECT id || ':' || status || ':' || pages_done FROM sync_run ORDER BY id DESC LIMIT 1), '-')`;
