#!/usr/bin/env bash
# A live event's crowd on one silo with the embedded default (SQLite): ingest a generated log of 100,000 users and
# 10,000 items over HTTP, train, then `aiaas bench live` (VIEWERS new viewers arriving over SECONDS s), with a GC
# full GC of the silo before and after (induced by dotnet-gcdump), whose live-heap difference per user grain the crowd
# activated is the memory one more active user costs (its grain and everything its events added: items'
# co-occurrence, Orleans' activation records); heap from the runtime's gauge, active grains from Orleans' at /metrics.
# Usage: tests/Benchmarks/scripts/live-crowd.sh [VIEWERS (default 50000)] [SECONDS (default 60)] [EVENTS (default 300000)]
#   (after: dotnet build AIaaS.sln -c Release; needs dotnet-gcdump: dotnet tool install -g dotnet-gcdump)
set -euo pipefail
viewers=${1:-50000}
seconds=${2:-60}
events=${3:-300000}
root=$(cd "$(dirname "$0")/../../.." && pwd)
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
port=5382; url=http://127.0.0.1:$port
work=$(mktemp -d)
gen=/tmp/aiaas-gen-100k-10k-$events
gcdump=$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")
silo_pid=
cleanup() { [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
version() { curl -s "$url/v1/model" | python3 -c 'import json,sys; v=json.load(sys.stdin)["version"]; print(v or 0)'; }
gauge() { # metric name: its samples at /metrics summed over their labels
  curl -s "$url/metrics" | awk -v m="$1" 'index($0, m"{") == 1 { sub(/^[^}]*} /, ""); split($0, f, " "); s += f[1] } END { printf "%.0f", s }'
}
heap() { # live GC heap in bytes right after a full blocking GC (dotnet-gcdump collect induces one; the dump is dropped)
  "$gcdump" collect -p "$silo_pid" -o "$work/heap.gcdump" >/dev/null 2>&1; rm -f "$work/heap.gcdump"
  gauge dotnet_gc_last_collection_heap_size_bytes
}
users() { curl -s "$url/metrics" | awk 'index($0, "orleans_catalog_activations{") == 1 && /grain_type="user"/ { n = $NF } END { print n + 0 }'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%F)"
[ -f "$gen/u.data" ] || $cli generate --users 100000 --items 10000 --events "$events" --out "$gen"
(cd "$root/src/Silo/bin/Release/net10.0" && exec dotnet AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22113 --Orleans:GatewayPort=39102 \
  --Orleans:ClusterId=live-$$ --AIaaS:DataPath="$work/data" --Logging:LogLevel:Default=Warning \
  --AIaaS:Retraining:EventThreshold=1000000000 >>"$work/silo.log" 2>&1) &
for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
silo_pid=$(pgrep -f "ClusterId=live-$$" | tail -1)
echo "== ingest"; $cli import --data "$gen" --server "$url" 2>/dev/null | tail -1
curl -s -X POST "$url/v1/model/retrain" >/dev/null
while [ "$(version)" = 0 ]; do sleep 0.5; done
echo "model $(version) trained; load $(cut -d' ' -f1-3 /proc/loadavg)"

bytes0=$(heap); grains0=$(users)
echo "heap before: $bytes0 bytes, $grains0 user grains active"
echo "== bench live: $viewers viewers over $seconds s (load $(cut -d' ' -f1-3 /proc/loadavg))"
$cli bench live --server "$url" --viewers "$viewers" --seconds "$seconds" --json | tee "$work/live.txt" || true
bytes1=$(heap); grains1=$(users)
echo "heap after: $bytes1 bytes, $grains1 user grains active (load $(cut -d' ' -f1-3 /proc/loadavg))"
added=$(( grains1 - grains0 ))
echo "per user grain activated by the crowd: $(( (bytes1 - bytes0) / (added > 0 ? added : 1) )) bytes of heap (+$added user grains)"
