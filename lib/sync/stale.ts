import type { PrismaClient } from "../generated/prisma/client";

/**
 * Walks the stored trials a newer reader must redo, in nct_id order and batches of `batchSize`
 * (default 500): every trial with `all`, else those whose `versionColumn` is not `version`. Each
 * batch (`columns` of trial) goes to `rewrite`, which stores the new results; returns how many trials
 * it handed over. The loop shared by reclassifyStale and rereadEligibilityStale.
 */
export async function redoStale<Row extends { nct_id: string }>(
  prisma: PrismaClient,
  stored: { columns: string; versionColumn: "classifier_version" | "eligibility_version"; version: number },
  opts: { all?: boolean; batchSize?: number; signal?: AbortSignal },
  rewrite: (rows: Row[]) => Promise<unknown>,
): Promise<number> {
  const batchSize = opts.batchSize ?? 500;
  let done = 0;
  let after = "";
  for (;;) {
    opts.signal?.throwIfAborted();
    const rows = await prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${stored.columns} FROM trial WHERE nct_id > $1 ${opts.all ? "" : `AND ${stored.versionColumn} <> $3`} ORDER BY nct_id LIMIT $2`,
      after,
      batchSize,
      ...(opts.all ? [] : [stored.version]),
    );
    if (rows.length === 0) return done;
    await rewrite(rows);
    done += rows.length;
    after = rows[rows.length - 1]!.nct_id;
  }
}
