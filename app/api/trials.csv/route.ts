import type { NextRequest } from "next/server";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { CSV_HEADER, csvRow, trialCsvRow } from "@/lib/search/csv";
import { failure, invalidParameters } from "@/lib/http/errors";
import { allMatchesForExport } from "@/lib/search/data";
import { prepareSearch } from "@/lib/search/run";

export const dynamic = "force-dynamic";

/** GET /api/trials.csv?… : every matching trial (same filters and order as the page), streamed in batches. */
export async function GET(req: NextRequest) {
  const prepared = prepareSearch(req.nextUrl.searchParams);
  if (prepared.errors.length) return invalidParameters(prepared.errors);
  // Read the first row before answering, so a database failure (or none configured) is still a proper error response.
  let rows: ReturnType<typeof allMatchesForExport>;
  let first: IteratorResult<Awaited<ReturnType<typeof rows.next>>["value"]>;
  try {
    rows = allMatchesForExport(db(), { ...prepared.filters, page: 1 }, prepared.place);
    first = await rows.next();
  } catch (err) {
    return failure(err, "api/trials.csv");
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow([...CSV_HEADER])}`));
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(trialCsvRow(first.value)));
    },
    async pull(controller) {
      if (first.done) return;
      try {
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(trialCsvRow(next.value)));
      } catch (err) {
        logger.error({ err }, "csv export failed mid-stream");
        // Say so in the file itself: a cut-off download can otherwise look complete.
        controller.enqueue(encoder.encode(csvRow(["EXPORT INCOMPLETE: the database stopped answering; please download again"])));
        controller.close();
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="disc-trials-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
