#!/usr/bin/env bash
# Times a ledger import by hand (not a test): starts the API (Release) on a new SQLite file, creates five units and an
# inspection, writes an N-row CSV ledger (Chinese headers, two units per row, three numbered measures, mixed date forms,
# progress words), then POSTs it to /api/v1/imports three times: a dry run, the import (every row created), and the
# same file again (every row unchanged). Prints each answer's counts and curl's total time.
# Usage: bash bench/import.sh   (env: ROWS=10000 PORT=5092 OUT=/tmp/rectify-import; needs curl, jq, dotnet)
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-10000} PORT=${PORT:-5092} OUT=${OUT:-/tmp/rectify-import}
KEY=${BENCH_KEY:-bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz}
API=http://127.0.0.1:$PORT
DLL=$PWD/Api/bin/Release/net10.0/Rectify.Api.dll
for tool in curl jq dotnet; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
[ -f "$DLL" ] || { echo "needs $DLL: dotnet build Api -c Release" >&2; exit 1; }

mkdir -p "$OUT"
rm -f "$OUT/import.db" "$OUT/import.db-wal" "$OUT/import.db-shm"
Database__SqlitePath=$OUT/import.db Auth__BootstrapAdminKey=$KEY Logging__LogLevel__Default=Warning \
  RateLimits__PerClient__PermitsPerSecond=0 RateLimits__FailedAuth__PerMinute=0 ASPNETCORE_URLS=$API \
  dotnet "$DLL" >"$OUT/api.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$API/health/ready")" = 200 ]; do
  kill -0 $PID 2>/dev/null || { cat "$OUT/api.log" >&2; exit 1; }
  sleep 0.1
done

post() { curl -sf -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' "$API$1" -d "$2"; }
for unit in 县生态环境局 县住建局 县水利局 县农业农村局 城关镇; do
  post /api/v1/units "{\"code\":\"B$RANDOM$RANDOM\",\"name\":\"$unit\",\"kind\":\"department\"}" >/dev/null
done
INSPECTION=$(post /api/v1/inspections '{"kind":"central_inspection","level":"central","title":"第二轮中央生态环境保护督察","round":2,"year":2026,"feedbackDate":"2026-01-15"}' | jq -r .id)

# The ledger: a title row, the headers, then ROWS rows.
awk -v rows="$ROWS" 'BEGIN {
  split("县生态环境局 县住建局 县水利局 县农业农村局 城关镇", unit, " ");
  split("2026-12-31|2026/6/30|2026年9月30日|2026年底", due, "|");
  split("尚未启动 正在推进 基本完成", word, " ");
  printf "\xef\xbb\xbfXX县第二轮中央环保督察反馈问题整改台账\r\n";
  printf "序号,问题编号,反馈问题,整改要求,问题类别,属地,是否重点,牵头单位,责任单位,整改时限,时限类型,整改措施,完成情况,整改进展\r\n";
  for (i = 1; i <= rows; i++)
    printf "%d,BENCH-%05d,\"第%d个问题：企业废气收集处理设施不完善，无组织排放明显。周边群众反映强烈。\",完成整改并建立长效机制,大气,城关镇,%s,%s,\"%s、%s\",%s,限期整改,\"1.制定整改方案\n2、完成设施改造\n（3）开展复查\",%s,已完成方案编制\r\n",
      i, i, i, (i % 5 == 0 ? "是" : "否"), unit[i % 5 + 1], unit[(i + 1) % 5 + 1], unit[(i + 2) % 5 + 1], due[i % 4 + 1], word[i % 3 + 1];
}' >"$OUT/ledger.csv"
echo "ledger: $ROWS rows, $(du -h "$OUT/ledger.csv" | cut -f1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

import() {
  curl -s -o "$OUT/answer.json" -w '%{http_code} %{time_total}s' -H "X-Api-Key: $KEY" \
    -F "file=@$OUT/ledger.csv;type=text/csv" "$API/api/v1/imports?inspectionId=$INSPECTION$1"
}
# The API's CPU time (user + system) so far, in seconds: on a shared machine a steadier figure than the wall clock.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' /proc/$PID/stat; }
for run in "dry run|&dryRun=true" "import|" "same file again|"; do
  before=$(cpu)
  result=$(import "${run#*|}")
  echo "${run%%|*}: HTTP ${result% *}, ${result#* } (API CPU $(awk -v a="$before" -v b="$(cpu)" 'BEGIN { printf "%.1f", b - a }')s)," \
    "$(jq -c '{created, updated, unchanged}' "$OUT/answer.json" 2>/dev/null || head -c 300 "$OUT/answer.json")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
