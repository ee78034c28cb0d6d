#!/usr/bin/env bash
# What SQLite itself costs for the log's rows on this machine, without .NET: the sqlite3 shell inserts commit groups of
# 4,000 rows (users and items drawn uniformly from 100,000 and 10,000) into the log table of the embedded schema's first
# version (ids as text; since schema 7 the log names users and items by integer keys), WAL and
# synchronous=FULL as the silo opens it, after PREFILL rows; once with the table's user index, once without it.
# Compare with `aiaas bench log` (same shape of commits, through the store).
# Usage: tests/Benchmarks/scripts/sqlite-floor.sh [PREFILL (default 1000000)] [COMMITS (default 100)]   (needs: apt-get install sqlite3)
set -euo pipefail
prefill=${1:-1000000}; commits=${2:-100}
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
commit() { # first sequence
  echo "BEGIN; INSERT INTO interaction_log SELECT abs(random()) % 16, $1 + x, CAST(abs(random()) % 100000 AS TEXT), CAST(abs(random()) % 10000 AS TEXT), 1, NULL, 0, NULL"
  echo "  FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000) SELECT x FROM c); COMMIT;"
}
run() { # label, schema filter
  rm -f "$work"/t.db*
  { echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536;"; grep -v "$2" "$root/src/Storage/Sqlite/Migrations/001_log.sql"
    for ((b = 0; b < prefill / 4000; b++)); do commit $((b * 4000)); done; } | sqlite3 "$work/t.db" >/dev/null
  for ((b = 0; b < commits; b++)); do commit $(((prefill / 4000 + b) * 4000)); done > "$work/timed.sql"
  local t0; t0=$(date +%s%N); sqlite3 "$work/t.db" < "$work/timed.sql" >/dev/null
  local ns=$(( $(date +%s%N) - t0 ))
  echo "$1: $commits commit groups of 4,000 rows after $prefill: $(( commits * 4000 * 1000000000 / ns )) rows/s"
}
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); sqlite3 $(sqlite3 --version | cut -d' ' -f1); load $(cut -d' ' -f1-3 /proc/loadavg)"
run "log table with its indexes (the schema; no event ids)" "^-- no line matches this"
run "log table without its indexes" "^CREATE .*INDEX"
