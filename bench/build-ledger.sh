#!/usr/bin/env bash
# Builds a SQLite ledger of N items from the demo ledger: migrates a new file and seeds the demo ledger with the API
# itself, then copies the demo items with INSERT … SELECT (sqlite3 CLI) until there are N.
# Usage: bash bench/build-ledger.sh N OUT.db   (needs the Release build of Api: dotnet build Api -c Release, or DLL=…/Rectify.Api.dll)
#
# Each copy k of an item gets a new Id (k and the original Seq in a GUID's shape), the Code "<code>-k", a new Seq,
# and a ChangeSeq above every existing one; its units, measures and progress reports are copied with it. Left out:
# external references (their (System, ExternalId) key is unique), sign-off, extension and recurrence records, and the
# audit trail: reads do not look at it, but `verify` reports the copies as items without audit events.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:?usage: build-ledger.sh N OUT.db}
BENCH_KEY=${BENCH_KEY:-bench-admin-key-0123456789abcdefghijklmnopqrstuvwxyz}
OUT=${2:?usage: build-ledger.sh N OUT.db}
DLL=${DLL:-$PWD/Api/bin/Release/net10.0/Rectify.Api.dll}
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 CLI (apt-get install -y sqlite3)" >&2; exit 1; }
[ -f "$DLL" ] || { echo "needs $DLL: dotnet build Api -c Release" >&2; exit 1; }

rm -f "$OUT" "$OUT-wal" "$OUT-shm"
Database__SqlitePath=$OUT Auth__BootstrapAdminKey=$BENCH_KEY Logging__LogLevel__Default=Warning dotnet "$DLL" --migrate-only --seed-demo >/dev/null

# "a, b, c" of a table's columns, and the same list with some columns replaced by expressions (name=expression …).
columns() { sqlite3 "$OUT" "SELECT group_concat(name, ', ') FROM pragma_table_info('$1')"; }
select_list() {
  local table=$1; shift
  local list; list=$(sqlite3 "$OUT" "SELECT group_concat('src.' || name, ', ') FROM pragma_table_info('$table')")
  for replacement in "$@"; do list=$(sed -E "s/src\\.${replacement%%=*}(,|$)/${replacement#*=}\\1/" <<<"$list"); done
  echo "$list"
}
without_seq() { sed -E 's/(^|, )(src\.)?Seq(, |$)/\1/' <<<"$1"; }

DEMO=$(sqlite3 "$OUT" "SELECT COUNT(*) FROM Items")
[ "$N" -ge "$DEMO" ] || { echo "N must be at least the demo ledger's $DEMO items" >&2; exit 1; }
COPIES=$(( (N + DEMO - 1) / DEMO - 1 ))
echo "demo ledger: $DEMO items; $COPIES copies of it make $(( DEMO * (COPIES + 1) )), cut to $N"

# Ids: k in the first group, the original row's Seq in the last, a per-table marker in the second.
id() { echo "printf('%08x-$1-4000-8000-%012x', c.k, $2)"; }
ITEM_ID=$(id 0000 o.Seq)
start=$(date +%s%N)
sqlite3 "$OUT" <<SQL
.output /dev/null
-- No journal while copying (a failed build is built again), so each page is written once; WAL again at the end.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE Copies (k INTEGER PRIMARY KEY);
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $COPIES) INSERT INTO Copies SELECT k FROM n WHERE $COPIES > 0;
CREATE TEMP TABLE Base AS SELECT (SELECT MAX(ChangeSeq) FROM Items) AS ChangeSeq, (SELECT MAX(Seq) FROM Items) AS Seq;

INSERT INTO Items ($(without_seq "$(columns Items)"))
SELECT $(without_seq "$(select_list Items "Id=$(id 0000 src.Seq)" "Code=src.Code || '-' || c.k" "ChangeSeq=(SELECT ChangeSeq FROM Base) + c.k * $DEMO + src.Seq")")
FROM Copies c CROSS JOIN Items src
WHERE src.Seq <= (SELECT Seq FROM Base)
ORDER BY c.k, src.Seq
LIMIT $N - $DEMO;

INSERT INTO ItemUnits ($(columns ItemUnits))
SELECT $(select_list ItemUnits "ItemId=$ITEM_ID")
FROM Copies c CROSS JOIN ItemUnits src JOIN Items o ON o.Id = src.ItemId
WHERE $ITEM_ID IN (SELECT Id FROM Items);

INSERT INTO Measures ($(without_seq "$(columns Measures)"))
SELECT $(without_seq "$(select_list Measures "Id=$(id 0001 src.Seq)" "ItemId=$ITEM_ID")")
FROM Copies c CROSS JOIN Measures src JOIN Items o ON o.Id = src.ItemId
WHERE $ITEM_ID IN (SELECT Id FROM Items)
ORDER BY c.k, src.Seq;

INSERT INTO ProgressReports ($(without_seq "$(columns ProgressReports)"))
SELECT $(without_seq "$(select_list ProgressReports "Id=$(id 0002 src.Seq)" "ItemId=$ITEM_ID")")
FROM Copies c CROSS JOIN ProgressReports src JOIN Items o ON o.Id = src.ItemId
WHERE $ITEM_ID IN (SELECT Id FROM Items)
ORDER BY c.k, src.Seq;
COMMIT;
PRAGMA journal_mode = WAL;
SQL
end=$(date +%s%N)
echo "built $OUT: $(sqlite3 "$OUT" "SELECT COUNT(*) FROM Items") items, $(sqlite3 "$OUT" "SELECT COUNT(*) FROM Measures") measures, $(sqlite3 "$OUT" "SELECT COUNT(*) FROM ProgressReports") progress reports in $(( (end - start) / 1000000 )) ms of SQL, $(du -h "$OUT" | cut -f1)"
