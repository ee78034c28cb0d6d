#!/usr/bin/env bash
# Serving over a population far larger than what a benchmark's warm-up touches, on one silo, with SQLite (the
# embedded default) or PostgreSQL: ingest over HTTP, then recommendation latency from wrk (an external load
# generator) at a steady offered load over users drawn uniformly from 100,000 — right after training (every user's
# first request refolds), again (active users), closed loop, and in the first 15 s after a restart.
# Usage: [SILO_DIR=folder] tests/Benchmarks/scripts/serving-cold.sh sqlite|postgresql [EVENTS (default 3000000)]
#   SILO_DIR: a published silo to run instead of the build output (e.g. from the Dockerfile's publish command)
#   (after: dotnet build AIaaS.sln -c Release; needs wrk (apt-get install wrk); postgresql needs initdb/postgres
#    and AIAAS_ORLEANS_POSTGRESQL_SCRIPTS naming Orleans' PostgreSQL scripts)
set -euo pipefail
mode=${1:-sqlite}
events=${2:-3000000}
root=$(cd "$(dirname "$0")/../../.." && pwd)
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
lua="$root/tests/Benchmarks/scripts/users-uniform.lua"
port=5380; url=http://127.0.0.1:$port
work=$(mktemp -d); chmod 755 "$work"
gen=/tmp/aiaas-gen-100k-10k-$events
silo_dir=${SILO_DIR:-$root/src/Silo/bin/Release/net10.0}
silo_pid=; pg_pid=
# One training, asked for after the import, rather than one per 100,000 events while it runs (README).
settings=(--AIaaS:DataPath="$work/data" --Logging:LogLevel:Default=Warning --AIaaS:Retraining:EventThreshold=1000000000)

cleanup() { stop_silo; [ -n "$pg_pid" ] && kill "$pg_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
start_silo() {
  local t0; t0=$(date +%s%3N)
  (cd "$silo_dir" && exec dotnet AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22111 --Orleans:GatewayPort=39100 \
    --Orleans:ClusterId=bench-$$ "${settings[@]}" >>"$work/silo.log" 2>&1) &
  silo_pid=$!
  for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
  echo "silo ready after $(( $(date +%s%3N) - t0 )) ms"
}
stop_silo() { [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true; silo_pid=; }
kill_silo() { [ -n "$silo_pid" ] && kill -9 "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true; silo_pid=; }
version() { curl -s "$url/v1/model" | python3 -c 'import json,sys; v=json.load(sys.stdin)["version"]; print(v or 0)'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
wrk_run() { # label, seconds, pause ms
  echo "== $1 (load $(load))"
  USERS=100000 PAUSE_MS=$3 wrk -t2 -c8 -d"$2"s --timeout 5s -s "$lua" "$url" | grep -E "Requests/sec|^p|requests "
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%F); mode $mode"
[ -f "$gen/u.data" ] || $cli generate --users 100000 --items 10000 --events "$events" --out "$gen"

if [ "$mode" = postgresql ]; then
  bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
  chown postgres "$work"; runuser -u postgres -- "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  runuser -u postgres -- "$bin/postgres" -D "$work/pg" -p 55433 -k "$work" -c listen_addresses=127.0.0.1 >"$work/pg.log" 2>&1 &
  pg_pid=$!; sleep 3
  cs="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"
  $cli db init --connection "$cs" --scripts "${AIAAS_ORLEANS_POSTGRESQL_SCRIPTS:?name Orleans PostgreSQL scripts}" | tail -1
  settings+=(--Orleans:Providers:Storage=PostgreSql --AIaaS:Storage:Provider=PostgreSql "--ConnectionStrings:PostgreSql=$cs")
fi

start_silo
echo "== ingest (batches of 1,000 over HTTP, load $(load))"; $cli import --data "$gen" --server "$url" 2>/dev/null | tail -1
echo "silo RSS after import: $(( $(ps -o rss= -p "$(pgrep -f AIaaS.Silo.dll | head -1)") / 1024 )) MB"
before=$(version); curl -s -X POST "$url/v1/model/retrain" >/dev/null
while [ "$(version)" = "$before" ]; do sleep 0.5; done
curl -s "$url/v1/model" | python3 -c 'import json,sys; m=json.load(sys.stdin); print("model", m["version"], "read", m["metrics"]["readSeconds"], "s, total", m["metrics"]["totalSeconds"], "s")'
wrk_run "first request of each user after training, offered ~1,700 req/s" 30 4
wrk_run "active users, offered ~1,700 req/s" 30 4
wrk_run "closed loop, 8 connections" 15 0
[ "$mode" = sqlite ] && du -sh "$work/data" | sed 's/^/data folder: /'
kill_silo
start_silo
wrk_run "first 15 s after a kill -9 and restart, offered ~1,700 req/s" 15 4
