import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { apiError, DATABASE_UNREACHABLE, failure } from "@/lib/http/errors";
import { lastSuccessfulRun, trialCounts } from "@/lib/sync/data";

export const dynamic = "force-dynamic";

/** GET /api/health → {"db":"ok","lastSuccessfulSync":…,"trials":n}; 503 (error database_unavailable) with db "down" when Postgres is unreachable. No secrets. */
export async function GET() {
  try {
    const [counts, last] = await Promise.all([trialCounts(db()), lastSuccessfulRun(db())]);
    return NextResponse.json({ db: "ok", lastSuccessfulSync: last?.finishedAt?.toISOString() ?? null, trials: counts.active });
  } catch (err) {
    if (isDatabaseDown(err)) return apiError("database_unavailable", DATABASE_UNREACHABLE, { extra: { db: "down", lastSuccessfulSync: null, trials: null } });
    return failure(err, "api/health");
  }
}
