import { parseArgs } from "node:util";
import { z } from "zod";
import type { Faults } from "./faults";
import { DEFAULT_DATA_DIRS, startStandin } from "./server";

const USAGE = `usage: npm run ctgov:standin -- [options]

  --data <dir>              directory of NCT*.json / NCT*.json.gz v2 records (repeatable;
                            default: the bundled tests/fixtures/ctgov/studies and v1-converted)
  --port <n>                port on 127.0.0.1 (default 0: any free port)
  --synthetic <N>           also serve N synthetic studies (NCT9xxxxxxx) made from real ones
  --synthetic-revision <r>  serve revision r of them (default 0; POST /__control/synthetic changes it)
  --data-timestamp <ts>     /version dataTimestamp (default: newest versionHolder, 09:00:00)
  --no-control              refuse the /__control endpoints
fault switches (all also settable at runtime: POST /__control/faults):
  --latency <ms>            added latency per API request
  --latency-spike-rate <x>  0..1, with --latency-spike-ms <ms>
  --fail-rate <x>           0..1 share of requests answered 500/502/503
  --seed <n>                seed of the fault dice (default 1)
  --rate-limit-max <n>      at most n requests per window, then 429 (window: --rate-limit-window-ms, default 60000)
  --retry-after <s>         Retry-After seconds on 429 (default 1)
  --reset-rate <x>          0..1 share of responses cut mid-body
  --truncate-rate <x>       0..1 share of 200 responses with half a JSON body
  --broken-study <NCT id>   serve this study schema-invalid
  --quirk                   exact-full-last-page quirk: a full last page still has a nextPageToken`;

const number = (name: string, v: string | undefined, opts: { int?: boolean; min?: number; max?: number } = {}) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  const ok = v.trim() !== "" && Number.isFinite(n) && (!opts.int || Number.isInteger(n)) && n >= (opts.min ?? -Infinity) && n <= (opts.max ?? Infinity);
  if (!ok) throw new UsageError(`--${name} must be ${opts.int ? "an integer" : "a number"}${opts.min !== undefined ? ` >= ${opts.min}` : ""}${opts.max !== undefined ? ` and <= ${opts.max}` : ""}, got ${JSON.stringify(v)}`);
  return n;
};

class UsageError extends Error {}

function parse(argv: string[]) {
  const str = { type: "string" } as const;
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      data: { type: "string", multiple: true },
      port: str, synthetic: str, "synthetic-revision": str, "data-timestamp": str, "no-control": { type: "boolean" }, help: { type: "boolean", short: "h" },
      latency: str, "latency-spike-rate": str, "latency-spike-ms": str, "fail-rate": str, seed: str,
      "rate-limit-max": str, "rate-limit-window-ms": str, "retry-after": str, "reset-rate": str, "truncate-rate": str,
      "broken-study": str, quirk: { type: "boolean" },
    },
  });
  if (positionals.length) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const faults: Partial<Faults> = {};
  const set = <K extends keyof Faults>(k: K, v: Faults[K] | undefined) => v !== undefined && (faults[k] = v);
  set("latencyMs", number("latency", values.latency, { min: 0 }));
  set("latencySpikeRate", number("latency-spike-rate", values["latency-spike-rate"], { min: 0, max: 1 }));
  set("latencySpikeMs", number("latency-spike-ms", values["latency-spike-ms"], { min: 0 }));
  set("failRate", number("fail-rate", values["fail-rate"], { min: 0, max: 1 }));
  set("seed", number("seed", values.seed, { int: true }));
  set("rateLimitMax", number("rate-limit-max", values["rate-limit-max"], { int: true, min: 0 }));
  set("rateLimitWindowMs", number("rate-limit-window-ms", values["rate-limit-window-ms"], { int: true, min: 1 }));
  set("retryAfterSeconds", number("retry-after", values["retry-after"], { int: true, min: 0 }));
  set("resetRate", number("reset-rate", values["reset-rate"], { min: 0, max: 1 }));
  set("truncateRate", number("truncate-rate", values["truncate-rate"], { min: 0, max: 1 }));
  if (values["broken-study"] !== undefined) {
    if (!/^NCT\d{8}$/.test(values["broken-study"])) throw new UsageError(`--broken-study must be an NCT id like NCT04042844, got ${JSON.stringify(values["broken-study"])}`);
    faults.brokenStudy = values["broken-study"];
  }
  if (values.quirk) faults.exactFullLastPageQuirk = true;
  return {
    help: values.help ?? false,
    dataDirs: values.data?.length ? values.data : DEFAULT_DATA_DIRS,
    port: number("port", values.port, { int: true, min: 0, max: 65535 }) ?? 0,
    synthetic: number("synthetic", values.synthetic, { int: true, min: 0, max: 9_999_999 }) ?? 0,
    syntheticRevision: number("synthetic-revision", values["synthetic-revision"], { int: true, min: 0, max: 1000 }) ?? 0,
    dataTimestamp: values["data-timestamp"],
    control: !values["no-control"],
    faults,
  };
}

async function main() {
  let opts: ReturnType<typeof parse>;
  try {
    opts = parse(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`ctgov stand-in: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let standin: Awaited<ReturnType<typeof startStandin>>;
  try {
    standin = await startStandin(opts);
  } catch (e) {
    const message = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ") : e instanceof Error ? e.message : String(e);
    process.stderr.write(`ctgov stand-in: cannot start: ${message}\n`);
    process.exit(2);
  }
  process.stdout.write(`ctgov stand-in listening on ${standin.url} (${standin.studyCount()} studies)\n`);
  const stop = (signal: string) => {
    process.stdout.write(`ctgov stand-in: ${signal}, closing\n`);
    standin.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

void main();
