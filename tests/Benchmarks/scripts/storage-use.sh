#!/usr/bin/env bash
# Storage a SQLite data folder uses: imports EVENTS generated events (100,000 users, 10,000 items) into one silo with
# embedded defaults, then asks for RETRAININGS trainings one after another, and reports the space of each table and
# index (SQLite's dbstat), the log's bytes per million events, and the model versions kept (AIaaS:Models:Retain,
# default 3) with their bytes. Sizes do not depend on the machine's speed.
# Usage: tests/Benchmarks/scripts/storage-use.sh [EVENTS (default 1000000)] [RETRAININGS (default 20)]
#   (after: dotnet build AIaaS.sln -c Release; needs python3)
set -euo pipefail
events=${1:-1000000}
retrainings=${2:-20}
root=$(cd "$(dirname "$0")/../../.." && pwd)
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
port=5382; url=http://127.0.0.1:$port
work=$(mktemp -d)
gen=/tmp/aiaas-gen-100k-10k-$events
silo_pid=
cleanup() { [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
version() { curl -s "$url/v1/model" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"] or 0)'; }

echo "$(date -u +%F); $events events, $retrainings retrainings"
[ -f "$gen/u.data" ] || $cli generate --users 100000 --items 10000 --events "$events" --out "$gen"
(cd "$root/src/Silo" && exec dotnet bin/Release/net10.0/AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22113 --Orleans:GatewayPort=39102 \
  --Orleans:ClusterId=storage-$$ --AIaaS:DataPath="$work/data" --Logging:LogLevel:Default=Warning \
  --AIaaS:Retraining:EventThreshold=1000000000 >"$work/silo.log" 2>&1) &
silo_pid=$!
for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
$cli import --data "$gen" --server "$url" 2>/dev/null | tail -1
for n in $(seq 1 "$retrainings"); do
  before=$(version); curl -s -X POST "$url/v1/model/retrain" >/dev/null
  while [ "$(version)" = "$before" ]; do sleep 0.5; done
done
echo "model version after the retrainings: $(version)"
# A clean stop: grains save their state and SQLite folds its write-ahead log into the file.
kill "$silo_pid"; wait "$silo_pid" 2>/dev/null || true; silo_pid=
python3 - "$work/data/aiaas.db" "$events" <<'PY'
import sqlite3, sys
db, events = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
sizes = dict(c.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
mb = lambda b: f"{b / 1048576:,.1f} MB"
for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
    if size >= 1048576: print(f"  {name:36s} {mb(size)}")
# The log's tables with every index on them (the key tables' unique indexes are SQLite's own autoindexes).
log_objects = [n for (n,) in c.execute("SELECT name FROM sqlite_master WHERE tbl_name IN ('interaction_log', 'log_users', 'log_items', 'log_partitions')")]
log = sum(sizes.get(n, 0) for n in log_objects)
print(f"log (table, indexes, count tables): {mb(log)} for {events:,} events = {mb(log * 1_000_000 / events)} per million events")
for state, rows, data in c.execute("SELECT state_name, COUNT(*), SUM(LENGTH(data)) FROM grain_state GROUP BY 1 ORDER BY 3 DESC"):
    print(f"grain state '{state}': {rows:,} rows, {mb(data)} of data ({data / rows:,.0f} bytes a row)")
versions = c.execute("SELECT version, SUM(LENGTH(data)) FROM model_chunks GROUP BY version ORDER BY version").fetchall()
print(f"model versions kept: {[v for v, _ in versions]}, {mb(sum(b for _, b in versions))} in all ({mb(versions[-1][1]) if versions else 0} each)")
print(f"database file: {mb(sum(sizes.values()))}")
PY
