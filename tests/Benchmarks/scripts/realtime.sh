#!/usr/bin/env bash
# Real-time loop figures on one silo with embedded defaults (issue 5 and the walking skeleton):
# ingest over HTTP, retraining through the grain path, freshness, recommendation latency, and
# ingest throughput with fold-in off (no model) vs on (a model), each on the same half of the data.
# Usage: tests/Benchmarks/scripts/realtime.sh [DATA_DIR]   (after: dotnet build AIaaS.sln -c Release)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
data=${1:-$root/../shared/data/ml-100k}
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
port=5280
url=http://127.0.0.1:$port
work=$(mktemp -d)
silo_pid=

start_silo() {
  (cd "$root/src/Silo" && exec dotnet bin/Release/net10.0/AIaaS.Silo.dll --urls "$url" \
    --Orleans:SiloPort=22111 --Orleans:GatewayPort=39100 --Orleans:ClusterId=bench-$$ >"$work/silo.log" 2>&1) &
  silo_pid=$!
  for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "silo did not become ready" >&2; exit 1
}
stop_silo() { [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true; silo_pid=; }
trap 'stop_silo; rm -rf "$work"' EXIT
now_ms() { date +%s%3N; }
version() { curl -s "$url/v1/model" | python3 -c 'import json,sys; v=json.load(sys.stdin)["version"]; print(v or 0)'; }

retrain() { # prints: trigger-to-stored ms, trigger-to-serving ms, the model's read/train/total seconds, events read
  local before t0 t1 t2
  before=$(version); t0=$(now_ms)
  curl -s -X POST "$url/v1/model/retrain" >/dev/null
  while [ "$(version)" = "$before" ]; do sleep 0.05; done; t1=$(now_ms)
  while ! curl -s "$url/v1/users/1/recommendations?count=1" | grep -q "\"modelVersion\":$((before + 1))"; do sleep 0.05; done; t2=$(now_ms)
  echo "$((t1 - t0)) $((t2 - t0)) $(curl -s "$url/v1/model" | python3 -c 'import json,sys; m=json.load(sys.stdin)["metrics"]; print(m["readSeconds"], m["engineSeconds"], m["totalSeconds"], int(m.get("readEvents", -1)))')"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); load: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%F)"

start_silo
$cli import --data "$data" --server "$url" 2>/dev/null
read stored serving reads engine total events < <(retrain)
echo "retrain (grain path, 100k events; ${events} read from the log, fewer when the 100k-event threshold trained first): trigger to stored ${stored} ms, trigger to serving ${serving} ms; in the grain: read log ${reads} s, Engine (adding events + matrix + ALS) ${engine} s, total ${total} s, overhead $(python3 -c "print(round($total / $engine, 2))")x"
$cli bench freshness --server "$url" --users 943
$cli bench http --server "$url" --seconds 10 --warmup 2 --concurrency 1 8 64
stop_silo

# Fold-in off vs on: the second half of the file, into an engine without and with a model of the first half.
head -n 50000 "$data/u.data" > "$work/first.data"; tail -n +50001 "$data/u.data" > "$work/second.data"
mkdir -p "$work/a" "$work/b"; mv "$work/first.data" "$work/a/u.data"; mv "$work/second.data" "$work/b/u.data"
for mode in off on; do
  start_silo
  $cli import --data "$work/a" --server "$url" 2>/dev/null >/dev/null
  if [ "$mode" = on ]; then retrain >/dev/null; fi
  cpu0=$(awk '{print $14 + $15}' /proc/$silo_pid/stat)
  echo -n "fold-in $mode, second half: "; $cli import --data "$work/b" --server "$url" 2>/dev/null
  cpu1=$(awk '{print $14 + $15}' /proc/$silo_pid/stat)
  echo "  silo CPU for it: $(( (cpu1 - cpu0) * 1000 / $(getconf CLK_TCK) )) ms, $(( (cpu1 - cpu0) * 1000000 / $(getconf CLK_TCK) / 50000 )) µs per event"
  stop_silo
done
