#!/usr/bin/env bash
# Runs every test of Rectify and ends with one line: "N passed, N failed, N skipped".
# The tests need the .NET SDK (NuGet restores the rest), Debian's Chromium with a CJK font for the browser tests,
# Node.js for the OpenAPI lint test and the sqlite3 CLI for the export memory test; these are installed here first when
# missing, so a fresh Debian machine runs the suite as it is.
set -euo pipefail
cd "$(dirname "$0")"

# Store tests also run on SQL Server when RECTIFY_TEST_SQLSERVER holds a connection string.

# Browser tests drive Debian's Chromium through Playwright (which never downloads a browser of its own), and need a CJK
# font for Swagger UI's Chinese labels (without one they are drawn as boxes, and a test fails).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-zenhei)
# The OpenAPI lint test runs Redocly CLI 2 through npx (see redocly.yaml), which needs Node.js 20.19 or later.
command -v npx >/dev/null 2>&1 || missing+=(npm)
# The export memory test builds its 100k-item ledger with bench/build-ledger.sh, which runs SQL through the sqlite3 CLI.
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Debian 12's own Node.js is 18: npm then puts a current one first on the PATH.
if ! node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)'; then
  { npm install --global --silent node@22 >/dev/null && hash -r; } || echo "test.sh: could not install Node.js 22; the OpenAPI lint test will fail" >&2
fi

results=TestResults
rm -rf "$results"
status=0
# NSwag, for the test that builds a client from the OpenAPI document, is a local tool (.config/dotnet-tools.json).
dotnet tool restore || status=$?
dotnet test Rectify.sln --configuration Release --logger trx --results-directory "$results" || status=$?

sum() { # sum one <Counters> attribute over every .trx file
  local total=0 value
  for value in $(grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'); do
    total=$((total + value))
  done
  echo "$total"
}
passed=$(sum passed)
failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) ))
skipped=$(( $(sum total) - $(sum executed) ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or the test host failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
