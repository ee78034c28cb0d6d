#!/usr/bin/env bash
# A live event's crowd on one silo with the embedded default (SQLite): ingest a generated log of 100,000 users and
# 10,000 items over HTTP, train, then `aiaas bench live` (VIEWERS new viewers arriving over SECONDS s), with a GC
# heap dump of the silo before and after, whose difference per completed viewer is the memory one more active user
# costs (its grain and everything its events added: log caches, items' co-occurrence, Orleans' activation records).
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
heap() { # label: full-GC heap of the silo (dotnet-gcdump collects after a blocking GC), bytes and user grains
  "$gcdump" collect -p "$silo_pid" -o "$work/$1.gcdump" >/dev/null 2>&1
  "$gcdump" report "$work/$1.gcdump" >"$work/$1.txt"
  local bytes grains
  bytes=$(awk '/GC Heap bytes/{gsub(",","",$1); print $1; exit}' "$work/$1.txt")
  grains=$(awk '$3=="AIaaS.Grains.Users.UserGrain"{gsub(",","",$2); print $2; exit}' "$work/$1.txt")
  echo "$bytes ${grains:-0}"
}

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

read -r bytes0 grains0 < <(heap before)
echo "heap before: $bytes0 bytes, $grains0 user grains active"
echo "== bench live: $viewers viewers over $seconds s (load $(cut -d' ' -f1-3 /proc/loadavg))"
$cli bench live --server "$url" --viewers "$viewers" --seconds "$seconds" --json | tee "$work/live.txt" || true
read -r bytes1 grains1 < <(heap after)
completed=$(tail -1 "$work/live.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["completed"])')
echo "heap after: $bytes1 bytes, $grains1 user grains active"
echo "per completed viewer: $(( (bytes1 - bytes0) / completed )) bytes of heap; user grains +$(( grains1 - grains0 )) for $completed viewers"
