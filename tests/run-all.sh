#!/usr/bin/env bash
# npm test: every suite. Unit + integration on the machine's Postgres (embedded PGlite when none is
# reachable) and the database integration tests again on PGlite, in one vitest run of two projects
# (vitest.config.mts), then end-to-end tests in Chromium against a production build. Ends with one
# line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
out=.test-results
rm -rf "$out" && mkdir -p "$out"
status=0

# A Postgres server at TEST_DATABASE_URL (default 127.0.0.1:5432)? Without one, the tests use embedded
# PGlite and the database-fault checks, which need a real server, are left out (and reported). The
# same check as tests/integration/helpers/db.ts (a login, not just an open port), so the two agree.
if ! node -e '
  const pg = require("pg");
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", connectionTimeoutMillis: 2000 });
  c.connect().then(() => c.end().then(() => process.exit(0)), () => process.exit(1));
' 2>/dev/null; then
  export DTF_NO_POSTGRES_SERVER=1
  echo "no Postgres server answers: tests run on embedded PGlite; the database-fault checks (they kill server backends) are not run"
fi

echo "== unit + integration on Postgres, database integration on embedded PGlite (vitest) =="
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json" || status=1

echo "== end-to-end (Playwright, Chromium) =="
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ -x /usr/bin/chromium ]; then export CHROMIUM_PATH=/usr/bin/chromium; fi
fi
e2e=1
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ -n "${CI:-}" ]; then
    # CI has no network for Playwright's download (it can hang): use a Chromium already there or fail.
    if ! ls -d "${PLAYWRIGHT_BROWSERS_PATH:-${HOME:-/root}/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then
      echo "no Chromium found (CI is set, so Playwright's download is not tried): install it (apt-get install chromium) or set CHROMIUM_PATH; end-to-end tests not run"
      e2e=0
      status=1
    fi
  else
    # A user's machine with internet and no system Chromium: use Playwright's own build.
    npx playwright install chromium </dev/null || echo "could not install Chromium for the end-to-end tests (apt-get install chromium, or set CHROMIUM_PATH)"
  fi
fi
if [ "$e2e" = 0 ]; then
  : # reported above; summarize.mjs counts the missing Playwright report as a failure
elif npm run build >"$out/build.log" 2>&1; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json || status=1
else
  tail -40 "$out/build.log"
  echo "next build failed: end-to-end tests not run"
  status=1
fi

node tests/summarize.mjs "$out" || status=1
exit $status
