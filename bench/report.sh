#!/usr/bin/env bash
# Issue 10's scale target for the live overdue report: one request at a time (not wrk's 32), the time from sending to
# the last byte, the bytes sent, and the API process's peak resident memory (VmHWM) after all of them.
# Usage: bash bench/report.sh LEDGER.db [RUNS]   (a ledger from bench/build-ledger.sh; needs dotnet build Api -c Release)
set -euo pipefail
cd "$(dirname "$0")/.."

LEDGER=${1:?usage: report.sh LEDGER.db [RUNS]} RUNS=${2:-5} PORT=${PORT:-5092}
BENCH_KEY=${BENCH_KEY:-bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz}
API=http://127.0.0.1:$PORT
Database__SqlitePath=$LEDGER Logging__LogLevel__Default=Warning RateLimits__PerClient__PermitsPerSecond=0 \
  dotnet Api/bin/Release/net10.0/Rectify.Api.dll --urls "$API" >/dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health/ready")" = 200 ]; do
  kill -0 $PID 2>/dev/null || { echo "the API stopped" >&2; exit 1; }
  sleep 0.1
done

echo "items: $(sqlite3 "$LEDGER" 'SELECT COUNT(*) FROM Items'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for format in json csv; do
  url="$API/api/v1/reports/overdue?format=$format"
  curl -sf -o /dev/null -H "X-Api-Key: $BENCH_KEY" "$url"   # warm-up
  times=()
  for _ in $(seq "$RUNS"); do
    read -r seconds bytes <<<"$(curl -sf -o /dev/null -w '%{time_total} %{size_download}' -H "X-Api-Key: $BENCH_KEY" "$url")"
    times+=("$seconds")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  echo "overdue $format: $bytes bytes; seconds per request, sorted: $sorted"
done
echo "API peak RSS (VmHWM): $(awk '/VmHWM/ { print int($2 / 1024) " MB" }' /proc/$PID/status)"
