import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { lastSuccessfulRun, trialCounts } from "@/lib/sync/data";

export const dynamic = "force-dynamic";

/** GET /api/health → {"db":"ok","lastSuccessfulSync":…,"trials":n}; 503 with db "down" when Postgres is unreachable. No secrets. */
export async function GET() {
  try {
    const [counts, last] = await Promise.all([trialCounts(db()), lastSuccessfulRun(db())]);
    return NextResponse.json({ db: "ok", lastSuccessfulSync: last?.finishedAt?.toISOString() ?? null, trials: counts.active });
  } catch (err) {
    if (isDatabaseDown(err)) {
      return NextResponse.json({ db: "down", error: "The database is not reachable right now.", lastSuccessfulSync: null, trials: null }, { status: 503, headers: { "retry-after": "10" } });
    }
    throw err;
  }
}
