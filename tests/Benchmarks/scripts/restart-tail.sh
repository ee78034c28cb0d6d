#!/usr/bin/env bash
# The first 15 s after a restart with and without the serving warm-up (AIaaS:Api:WarmUpSeconds), side by side: one
# silo with embedded defaults imports EVENTS generated events (100,000 users, 10,000 items) over HTTP, trains once
# and stops cleanly; then RUNS times, alternating, a copy of that data folder is started with the warm-up on (the
# default) and off, and wrk offers ~1,700 requests/s (8 connections pausing 4 ms) over users drawn uniformly from
# 100,000 for the first 15 s after readiness, then for the next 15 s. Prints each run's time to ready, rate and p99.
# Usage: tests/Benchmarks/scripts/restart-tail.sh [EVENTS (default 3000000)] [RUNS (default 3)]
#   (after: dotnet build AIaaS.sln -c Release; needs wrk (apt-get install wrk))
set -euo pipefail
events=${1:-3000000}; runs=${2:-3}
root=$(cd "$(dirname "$0")/../../.." && pwd)
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
lua="$root/tests/Benchmarks/scripts/users-uniform.lua"
port=5381; url=http://127.0.0.1:$port
work=$(mktemp -d); gen=/tmp/aiaas-gen-100k-10k-$events
silo_pid=
cleanup() { [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
start_silo() { # data folder, extra settings...
  local data=$1; shift
  (cd "$root/src/Silo/bin/Release/net10.0" && exec dotnet AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22112 \
    --Orleans:GatewayPort=39101 --AIaaS:DataPath="$data" --Logging:LogLevel:Default=Warning \
    --AIaaS:Retraining:EventThreshold=1000000000 "$@" >>"$work/silo.log" 2>&1) &
  silo_pid=$!
  local t0; t0=$(date +%s%3N)
  for _ in $(seq 1 1200); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
  ready_ms=$(( $(date +%s%3N) - t0 ))
}
stop_silo() { kill "$silo_pid" 2>/dev/null; wait "$silo_pid" 2>/dev/null || true; silo_pid=; }
window() { USERS=100000 PAUSE_MS=4 wrk -t2 -c8 -d15s --timeout 5s -s "$lua" "$url" | awk '/Requests\/sec/ {r=$2} /^p99 / {p=$2" "$3} END {printf "%s req/s, p99 %s", r, p}'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%F)"
[ -f "$gen/u.data" ] || $cli generate --users 100000 --items 10000 --events "$events" --out "$gen"
start_silo "$work/base"
$cli import --data "$gen" --server "$url" 2>/dev/null | tail -1
curl -s -X POST "$url/v1/model/retrain" >/dev/null
until curl -s "$url/v1/model" | python3 -c 'import json,sys; m=json.load(sys.stdin); sys.exit(0 if m["version"] and not m["training"] else 1)'; do sleep 0.5; done
sleep 15 # the users' and items' deferred saves
stop_silo
for run in $(seq 1 "$runs"); do
  for warm in 10 0; do
    rm -rf "$work/run"; cp -a "$work/base" "$work/run"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start_silo "$work/run" --AIaaS:Api:WarmUpSeconds=$warm
    first=$(window); next=$(window)
    echo "run $run, WarmUpSeconds=$warm: ready after $ready_ms ms (load $load); first 15 s: $first; next 15 s: $next"
    stop_silo
  done
done
