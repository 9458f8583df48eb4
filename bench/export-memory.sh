#!/usr/bin/env bash
# Peak memory of the API while it exports a whole ledger: for each format, starts the API (Release) on the ledger,
# reads its resident set once ready and warmed up (one list request), downloads GET /api/v1/items/export to a file,
# and reads the process's peak resident set (VmHWM, /proc/<pid>/status) afterwards. A fresh process per format, so
# each peak is that export's own.
# Usage: bash bench/export-memory.sh LEDGER.db   (a ledger from bench/build-ledger.sh; needs dotnet build Api -c Release)
#   env: PORT=5187 FORMATS="csv xlsx" DOTNET_GCHeapHardLimit etc. are passed through to the API
set -euo pipefail
cd "$(dirname "$0")/.."

LEDGER=${1:?usage: export-memory.sh LEDGER.db}
PORT=${PORT:-5187} FORMATS=${FORMATS:-csv xlsx}
BENCH_KEY=${BENCH_KEY:-bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz}
API=http://127.0.0.1:$PORT
DLL=$PWD/Api/bin/Release/net10.0/Rectify.Api.dll
TMP=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$TMP"' EXIT

kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$PID/status"; }
mb() { echo "$(( $1 / 1024 ))"; }

if curl -s -o /dev/null "$API"; then echo "$PORT is already in use" >&2; exit 1; fi
echo "ledger: $LEDGER, $(sqlite3 "$LEDGER" 'SELECT COUNT(*) FROM Items') items; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for format in $FORMATS; do
  Database__SqlitePath=$LEDGER Auth__BootstrapAdminKey=$BENCH_KEY Logging__LogLevel__Default=Warning \
    RateLimits__PerClient__PermitsPerSecond=0 dotnet "$DLL" --urls "$API" >"$TMP/api.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health/ready")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { cat "$TMP/api.log" >&2; exit 1; }
    sleep 0.1
  done
  curl -sf -o /dev/null -H "X-Api-Key: $BENCH_KEY" "$API/api/v1/items?limit=50"
  ready_rss=$(kb VmRSS) ready_hwm=$(kb VmHWM)
  begin=$(date +%s%N)
  curl -sSf -o "$TMP/ledger.$format" -H "X-Api-Key: $BENCH_KEY" "$API/api/v1/items/export?format=$format" || { tail -20 "$TMP/api.log"; exit 1; }
  ms=$(( ($(date +%s%N) - begin) / 1000000 ))
  # CSV: the rows and how many distinct codes (问题编号, column 2) they hold, so a batch boundary lost or doubled nothing.
  rows=$([ "$format" = csv ] && python3 -c "import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))[1:]; print(f'{len(r)} rows ({len(set(x[1] for x in r))} codes), ', end='')" "$TMP/ledger.$format" || true)
  echo "$format: ${rows}$(( $(stat -c %s "$TMP/ledger.$format") / 1024 / 1024 )) MB file in $ms ms;" \
       "RSS ready $(mb "$ready_rss") MB (peak so far $(mb "$ready_hwm") MB), peak during the export $(mb "$(kb VmHWM)") MB," \
       "RSS after $(mb "$(kb VmRSS)") MB"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
