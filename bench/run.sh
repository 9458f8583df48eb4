#!/usr/bin/env bash
# The benchmark kit: for each ledger size, builds a SQLite ledger from the demo ledger (bench/build-ledger.sh),
# starts the API (Release) and the bare Dapper baseline (tests/Rectify.Benchmarks --bare) on it, drives both with wrk,
# and writes the figures into docs/benchmarks.md between the "bench/run.sh" markers.
# Usage: bash bench/run.sh
#   env: SIZES="10000 100000 1000000" DURATION=15s WARMUP=5s THREADS=2 CONNECTIONS=32 TIMEOUT=30s PORT=5090 BARE_PORT=5091
#        LEDGERS=/tmp/rectify-bench (where the ledgers are built) REUSE_LEDGERS=0 (1: keep a ledger built before)
#        DOC=docs/benchmarks.md (- : print the figures only)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-10000 100000 1000000} DURATION=${DURATION:-15s} WARMUP=${WARMUP:-5s} THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32} TIMEOUT=${TIMEOUT:-30s} PORT=${PORT:-5090} BARE_PORT=${BARE_PORT:-5091} LEDGERS=${LEDGERS:-/tmp/rectify-bench}
REUSE_LEDGERS=${REUSE_LEDGERS:-0} DOC=${DOC:-docs/benchmarks.md}
export BENCH_KEY=${BENCH_KEY:-bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz}
API=http://127.0.0.1:$PORT BARE=http://127.0.0.1:$BARE_PORT
for tool in wrk curl jq sqlite3 dotnet; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
for url in "$API" "$BARE"; do
  if curl -s -o /dev/null "$url"; then echo "${url#*127.0.0.1:} is already in use" >&2; exit 1; fi
done

dotnet build tests/Rectify.Benchmarks -c Release -nologo -v q
API_DLL=$PWD/Api/bin/Release/net10.0/Rectify.Api.dll
BARE_DLL=$PWD/tests/Rectify.Benchmarks/bin/Release/net10.0/Rectify.Benchmarks.dll
mkdir -p "$LEDGERS"
TMP=$(mktemp -d)
PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done; PIDS=(); }
trap 'stop_all; rm -rf "$TMP"' EXIT

# start NAME URL COMMAND…: starts a server, waits for /health/ready, sets READY_MS (process start → first 200).
start() {
  local name=$1 url=$2; shift 2
  local begin; begin=$(date +%s%N)
  "$@" --urls "$url" >"$TMP/$name.log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$TMP/$name.log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - begin) / 1000000000 )) -lt 120 ] || { echo "$name not ready after 120 s" >&2; exit 1; }
    sleep 0.01
  done
  READY_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
  eval "${name}_PID=$pid"
}

# drive LABEL URL [METHOD BODY [IDS SUFFIX]]: a warm-up, then the measured run; appends its RESULT line.
drive() {
  local label=$1 url=$2; shift 2
  # wrk's default 2 s timeout would leave the slowest requests out of the latency figures.
  local options=(-t"$THREADS" -c"$CONNECTIONS" --timeout "$TIMEOUT" -H "X-Api-Key: $BENCH_KEY" -H 'Content-Type: application/json')
  wrk "${options[@]}" -d"$WARMUP" -s bench/wrk.lua "$url" -- "$label" "$@" >/dev/null
  wrk "${options[@]}" -d"$DURATION" -s bench/wrk.lua "$url" -- "$label" "$@" \
    | grep -E '^(RESULT|  non-2xx)' | tee -a "$TMP/results"
}

status_of() { curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $BENCH_KEY" -H 'Content-Type: application/json' "$@"; }
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

READS=(
  "item-get|/api/v1/items/{id}"
  "list|/api/v1/items?limit=50"
  "list-due-date|/api/v1/items?sort=due_date&limit=50"
  "list-filtered|/api/v1/items?progressStatus=in_progress&limit=50"
  "stats-unit-rollup|/api/v1/statistics?groupBy=unit&rollUp=true"
  "stats-inspection|/api/v1/statistics?groupBy=inspection"
  "report-overdue|/api/v1/reports/overdue"
  "report-overdue-csv|/api/v1/reports/overdue?format=csv"
)
TODAY=$(TZ=Asia/Shanghai date +%F)
DUE=$(TZ=Asia/Shanghai date -d '+1 year' +%F)
echo "{\"reportedOn\":\"$TODAY\",\"summary\":\"推进中\",\"progressStatus\":\"in_progress\",\"scheduleStatus\":\"on_schedule\"}" >"$TMP/progress.json"

TABLES=$TMP/tables.md
: >"$TABLES"
for size in $SIZES; do
  ledger=$LEDGERS/ledger-$size.db
  if [ "$REUSE_LEDGERS" = 1 ] && [ -f "$ledger" ]; then
    echo "== $size items: reusing $ledger"
    BUILD="reused"
  else
    echo "== $size items: building $ledger"
    BUILD=$(bash bench/build-ledger.sh "$size" "$ledger" | tail -1)
    echo "$BUILD"
  fi
  sqlite3 "$ledger" "SELECT Id FROM Items ORDER BY random() LIMIT 1000" >"$TMP/ids"
  sqlite3 "$ledger" "SELECT Id FROM Items WHERE SignOffStatus = 'none' AND ProgressStatus IN ('not_started', 'in_progress')
                     ORDER BY random() LIMIT 1000" >"$TMP/open-ids"
  : >"$TMP/results"

  start bare "$BARE" dotnet "$BARE_DLL" --bare "$ledger"
  BARE_READY=$READY_MS
  start api "$API" env Database__SqlitePath="$ledger" Logging__LogLevel__Default=Warning \
    RateLimits__PerClient__PermitsPerSecond=0 RateLimits__FailedAuth__PerMinute=0 dotnet "$API_DLL"
  API_READY=$READY_MS
  echo "start to ready: API $API_READY ms, bare $BARE_READY ms"

  some_id=$(head -1 "$TMP/ids")
  for op in "${READS[@]}"; do
    label=${op%%|*} path=${op#*|}
    for side in api bare; do
      # The bare baseline has no reports: they are measured on the API alone.
      [ $side = bare ] && [[ $label == report-* ]] && continue
      base=$API; [ $side = bare ] && base=$BARE
      if [ "$label" = item-get ]; then
        [ "$(status_of "$base${path/'{id}'/$some_id}")" = 200 ] || { echo "$side: GET ${path/'{id}'/$some_id} failed" >&2; exit 1; }
        drive "$side:$label" "$base" GET - "$TMP/ids" ""
      else
        [ "$(status_of "$base$path")" = 200 ] || { echo "$side: GET $path failed" >&2; exit 1; }
        drive "$side:$label" "$base$path"
      fi
    done
  done

  INSPECTION=$(curl -sf -H "X-Api-Key: $BENCH_KEY" "$API/api/v1/inspections" | jq -r '.items[0].id')
  UNIT=$(curl -sf -H "X-Api-Key: $BENCH_KEY" "$API/api/v1/units" | jq -r '[.items[] | select(.active)][0].id')
  echo "{\"inspectionId\":\"$INSPECTION\",\"code\":\"{code}\",\"title\":\"压测问题\",\"category\":\"water\",
    \"leadUnitId\":\"$UNIT\",\"deadlineKinds\":[\"by_date\"],\"dueDate\":\"$DUE\"}" >"$TMP/item.json"
  [ "$(status_of "$API/api/v1/items/$(head -1 "$TMP/open-ids")/progress" -d @"$TMP/progress.json")" = 201 ] \
    || { echo "dry run: POST progress failed" >&2; exit 1; }
  [ "$(status_of "$API/api/v1/items" -d "$(sed "s/{code}/DRY-$(date +%s%N)/" "$TMP/item.json")")" = 201 ] \
    || { echo "dry run: POST item failed" >&2; exit 1; }
  drive "api:progress-post" "$API" POST "$TMP/progress.json" "$TMP/open-ids" /progress
  drive "api:item-post" "$API/api/v1/items" POST "$TMP/item.json"

  API_RSS=$(rss_mb "$api_PID") BARE_RSS=$(rss_mb "$bare_PID")
  stop_all

  {
    echo "### $size items"
    echo
    echo "Ledger: $BUILD. Start to ready: Rectify $API_READY ms, bare $BARE_READY ms. RSS after the run: Rectify $API_RSS MB, bare $BARE_RSS MB."
    echo
    echo "| request | Rectify req/s | p50 ms | p99 ms | bare req/s | p50 ms | p99 ms | Rectify / bare | errors |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for op in "${READS[@]}" "progress-post|POST /api/v1/items/{id}/progress" "item-post|POST /api/v1/items"; do
      label=${op%%|*} path=${op#*|}
      read -r _ _ rps p50 p99 non2xx timeouts <<<"$(grep "^RESULT api:$label " "$TMP/results")"
      row="| \`$path\` | $rps | $p50 | $p99"
      if bare=$(grep "^RESULT bare:$label " "$TMP/results"); then
        read -r _ _ brps bp50 bp99 _ _ <<<"$bare"
        row="$row | $brps | $bp50 | $bp99 | $(awk "BEGIN { print ($brps > 0 ? sprintf(\"%.2f\", $rps / $brps) : \"—\") }")"
      else
        row="$row | | | | "
      fi
      [ "$non2xx$timeouts" = 00 ] && echo "$row | |" || echo "$row | non-2xx $non2xx, timeouts $timeouts |"
    done
    echo
  } >>"$TABLES"
done

{
  echo "<!-- bench/run.sh: from here to the end marker the script rewrites -->"
  echo "## Figures"
  echo
  echo "Run $(date -u +'%F %H:%M UTC') at commit $(git rev-parse --short HEAD) ($(git status --porcelain | grep -q . && echo 'with local changes' || echo 'clean'))."
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB RAM;"
  echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg). Each request: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT\` after a $WARMUP warm-up."
  echo
  cat "$TABLES"
  echo "<!-- bench/run.sh: end -->"
} >"$TMP/figures.md"

if [ "$DOC" = - ]; then
  cat "$TMP/figures.md"
else
  awk -v figures="$TMP/figures.md" '
    /^<!-- bench\/run.sh: from here/ { while ((getline line < figures) > 0) print line; skip = 1; next }
    /^<!-- bench\/run.sh: end -->/ { skip = 0; next }
    !skip' "$DOC" >"$TMP/doc.md"
  cp "$TMP/doc.md" "$DOC"
  echo "figures written to $DOC"
fi
