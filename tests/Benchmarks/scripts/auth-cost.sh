#!/usr/bin/env bash
# What API keys and rate limiting cost on the recommendation path, measured side by side in one run with wrk
# (8 connections, closed loop) on one silo (embedded default, SQLite, one data path): the silo restarted in turn
# with keys off (no key sent), keys on (the configured admin key, then an issued read key: one SQLite lookup per
# request), and keys on with a rate limit too high to refuse anything (the limiter's own cost), three rounds.
# Usage: [ROUNDS=3] tests/Benchmarks/scripts/auth-cost.sh [EVENTS (default 200000)]
#   (after: dotnet build AIaaS.sln -c Release; needs wrk (apt-get install wrk))
set -euo pipefail
events=${1:-200000}
rounds=${ROUNDS:-3}
root=$(cd "$(dirname "$0")/../../.." && pwd)
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
scripts="$root/tests/Benchmarks/scripts"
port=5382; url=http://127.0.0.1:$port
admin=auth-cost-admin-key-0123456789
work=$(mktemp -d)
gen=/tmp/aiaas-gen-5k-5k-$events
silo_pid=

cleanup() { stop; rm -rf "$work"; }
stop() { if [ -n "$silo_pid" ]; then kill "$silo_pid" 2>/dev/null; wait "$silo_pid" 2>/dev/null || true; silo_pid=; fi; }
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
start() { # extra settings...
  (cd "$root/src/Silo" && exec dotnet bin/Release/net10.0/AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22113 --Orleans:GatewayPort=39102 \
    --Orleans:ClusterId=auth-$$ --AIaaS:DataPath="$work/data" --Logging:LogLevel:Default=Warning \
    --AIaaS:Retraining:EventThreshold=1000000000 "$@" >>"$work/silo.log" 2>&1) &
  silo_pid=$!
  for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "silo not ready"; tail -20 "$work/silo.log"; exit 1
}
warm() { # key: the first half minute after a start runs slower code (tiered JIT) and refolds every user; unmeasured
  API_KEY=$1 USERS=5000 wrk -t2 -c8 -d30s --timeout 5s -s "$scripts/users-uniform.lua" "$url" >/dev/null
}
rows() { # label, key
  API_KEY=$2 USERS=5000 wrk -t2 -c8 -d5s --timeout 5s -s "$scripts/users-uniform.lua" "$url" >/dev/null
  echo "== $1 (load $(load))"
  API_KEY=$2 USERS=5000 wrk -t2 -c8 -d20s --timeout 5s -s "$scripts/users-uniform.lua" "$url" | grep -E "Requests/sec|^p|requests "
}
version() { curl -s -H "X-API-Key: $admin" "$url/v1/model" | python3 -c 'import json,sys; v=json.load(sys.stdin)["version"]; print(v or 0)'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%F)"
[ -f "$gen/u.data" ] || $cli generate --users 5000 --items 5000 --events "$events" --out "$gen"
start --AIaaS:Auth:AdminKey=$admin
$cli import --data "$gen" --server "$url" --api-key "$admin" 2>/dev/null | tail -1
before=$(version); curl -s -X POST -H "X-API-Key: $admin" "$url/v1/model/retrain" >/dev/null
while [ "$(version)" = "$before" ]; do sleep 0.5; done
read_key=$(curl -s -X POST -H "X-API-Key: $admin" -H 'content-type: application/json' -d '{"name":"bench","scope":"read"}' "$url/v1/keys" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
stop
for round in $(seq 1 "$rounds"); do
  start
  warm ""
  rows "round $round: keys off, no key" ""
  stop
  start --AIaaS:Auth:AdminKey=$admin
  warm "$admin"
  rows "round $round: keys on, admin key" "$admin"
  rows "round $round: keys on, issued read key" "$read_key"
  stop
  start --AIaaS:Auth:AdminKey=$admin --AIaaS:RateLimit:RequestsPerSecond=1000000 --AIaaS:RateLimit:Burst=1000000
  warm "$read_key"
  rows "round $round: keys on, issued read key, rate limit 1,000,000/s" "$read_key"
  stop
done
