#!/usr/bin/env bash
# Measures progress-report throughput: POST /api/v1/items/{id}/progress under wrk load, round-robin over a
# pool of fresh items, on a new SQLite database with the demo ledger; GET /api/v1/items/{id} for reference.
# Usage: bash bench/wrk-progress.sh   (env: PORT=5090 THREADS=2 CONNECTIONS=32 DURATION=15s WARMUP=5s POOL=200)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5090} THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32} DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s} POOL=${POOL:-200}
BASE=http://127.0.0.1:$PORT
KEY=bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz
TODAY=$(TZ=Asia/Shanghai date +%F)
DUE=$(TZ=Asia/Shanghai date -d '+1 year' +%F)
LOAD=$(uptime)
for tool in wrk curl jq dotnet; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
if curl -s -o /dev/null "$BASE/health/live"; then echo "port $PORT is already in use" >&2; exit 1; fi

dotnet build Api -c Release -nologo -v q
DLL=$PWD/Api/bin/Release/net10.0/Rectify.Api.dll

TMP=$(mktemp -d)
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

# One key sends thousands of requests a second: the per-client rate limit is lifted.
(cd "$TMP" && Database__SqlitePath="$TMP/rectify.db" Auth__BootstrapAdminKey=$KEY Logging__LogLevel__Default=Warning \
  RateLimits__PerClient__PermitsPerSecond=0 exec dotnet "$DLL" --seed-demo --urls "$BASE") >"$TMP/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health/ready")" = 200 ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$TMP/server.log"; exit 1; }
  sleep 0.5
done

api() { curl -sf -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
INSPECTION=$(api "$BASE/api/v1/inspections" | jq -r '.items[0].id')
UNIT=$(api "$BASE/api/v1/units" | jq -r '[.items[] | select(.active)][0].id')
echo "creating $POOL items in inspection $INSPECTION, lead unit $UNIT"
IDS=()
for i in $(seq -f '%04g' "$POOL"); do
  IDS+=("$(api "$BASE/api/v1/items" -d "{\"inspectionId\":\"$INSPECTION\",\"code\":\"BENCH-$i\",\"title\":\"压测问题 $i\",
    \"category\":\"water\",\"leadUnitId\":\"$UNIT\",\"deadlineKinds\":[\"by_date\"],\"dueDate\":\"$DUE\"}" | jq -r .id)")
done

BODY="{\"reportedOn\":\"$TODAY\",\"summary\":\"推进中\",\"progressStatus\":\"in_progress\",\"scheduleStatus\":\"on_schedule\"}"
POST_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
  "$BASE/api/v1/items/${IDS[0]}/progress" -d "$BODY")
GET_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $KEY" "$BASE/api/v1/items/${IDS[0]}")
echo "dry run: POST progress $POST_STATUS, GET item $GET_STATUS (expected 201, 200)"
[ "$POST_STATUS" = 201 ] && [ "$GET_STATUS" = 200 ] || { echo "dry run failed" >&2; exit 1; }

# One wrk script per scenario: $1 label, $2 method, $3 path suffix after the id, $4 body (may be empty).
# Thread t of THREADS takes the ids at t, t+THREADS, …, so two threads never write the same item at once.
wrk_script() {
  cat <<EOF
local ids = { $(printf '"%s",' "${IDS[@]}") }
local threads, nthreads = {}, $THREADS
function setup(thread) thread:set("tid", #threads); table.insert(threads, thread) end
function init(args) i = tid; non2xx = 0; codes = {} end
function request()
  i = (i + nthreads) % #ids
  return wrk.format("$2", "/api/v1/items/" .. ids[i + 1] .. "$3",
    { ["Content-Type"] = "application/json", ["X-Api-Key"] = "$KEY" }, $([ -n "$4" ] && printf '[[%s]]' "$4" || echo nil))
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1; codes[status] = (codes[status] or 0) + 1 end
end
function done(summary, latency, requests)
  local n, seen = 0, {}
  for _, t in ipairs(threads) do
    n = n + t:get("non2xx")
    for code, count in pairs(t:get("codes")) do seen[code] = (seen[code] or 0) + count end
  end
  for code, count in pairs(seen) do print(string.format("  non-2xx status %d: %d", code, count)) end
  print(string.format("$1: %.1f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, timeouts %d",
    summary.requests / summary.duration * 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, n,
    summary.errors.timeout))
end
EOF
}
wrk_script progress-report POST /progress "$BODY" >"$TMP/progress.lua"
wrk_script item-get GET "" "" >"$TMP/get.lua"

SUMMARY=()
for scenario in progress get; do
  echo "== warm-up $scenario ($WARMUP)"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$TMP/$scenario.lua" "$BASE" | tail -1
  echo "== $scenario: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$TMP/$scenario.lua" "$BASE" | tee "$TMP/$scenario.out"
  SUMMARY+=("$(tail -1 "$TMP/$scenario.out")")
done
echo "== summary: commit $(git rev-parse --short HEAD 2>/dev/null || echo ?), $(nproc) cores, load average at start ${LOAD#*load average: }"
printf '%s\n' "${SUMMARY[@]}"
