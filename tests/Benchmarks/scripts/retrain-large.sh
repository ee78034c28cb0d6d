#!/usr/bin/env bash
# Retraining through the grain path on a large generated log, beside the Engine alone on the same file, and what a
# silo with that log costs to restart.
#  1. `aiaas bench retrain --data DIR`: the Engine alone (matrix from the events + ALS, the silo's defaults).
#  2. Imports DIR/u.data over HTTP into one silo with embedded defaults (SQLite under DATA_PATH, a fresh folder unless
#     given; a DATA_PATH that already holds the log is not imported again), asks for a retraining and prints the
#     model's metrics (readSeconds: reading the log into the matrix builders, the adding included; engineSeconds:
#     matrix + ALS; totalSeconds: trigger to stored snapshot).
#  3. With MORE_DIR: imports it too and retrains again; that training reads only the events the log gained.
#  4. RESTARTS times (default 3): kill -9, start again, and time readiness and the first accepted ingest (one event,
#     202) from the start of the process; then one training, whose read is cold (a new process keeps no events).
# While it imports, the default event threshold (AIaaS:Retraining:EventThreshold, 100,000) retrains again and
# again; pass a larger threshold as the second argument to import first and train once (the script then also
# moves the 10-minute retraining reminder out of the way, so the timed trainings are the ones it asks for).
# Each timed training starts once the silo has gone idle (after an import it saves grain state for a while).
# Usage: [DATA_PATH=folder] [RESTARTS=3] tests/Benchmarks/scripts/retrain-large.sh DIR [EVENT_THRESHOLD] [MORE_DIR]
#   e.g. aiaas generate --users 200000 --items 20000 --events 10000000 --out /tmp/gen10m
#        aiaas generate --users 200000 --items 20000 --events 100000 --seed 7 --out /tmp/gen100k
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
data=${1:?usage: retrain-large.sh DIR [EVENT_THRESHOLD] [MORE_DIR]}
threshold=${2:-100000}
more=${3:-}
restarts=${RESTARTS:-3}
interval=00:10:00
[ "$threshold" -gt 100000 ] && interval=7.00:00:00
url=http://127.0.0.1:5380
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
data_path=${DATA_PATH:-$(mktemp -d)/data}
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(free -g | awk '/^Mem:/ {print $2}') GB; load: $(load); $(date -u +%FT%TZ)"
$cli bench retrain --data "$data" --runs 3

start() { # starts the silo; prints ms from the start to readiness and to the first accepted event
  local t0 ready
  t0=$(date +%s%3N)
  (cd "$root/src/Silo" && exec dotnet bin/Release/net10.0/AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=23111 --Orleans:GatewayPort=39300 \
    --Orleans:ClusterId=large-$$ --AIaaS:DataPath="$data_path" --AIaaS:Retraining:EventThreshold="$threshold" \
    --AIaaS:Retraining:Interval="$interval" --Logging:LogLevel:Default=Warning >> /tmp/retrain-large-silo.log 2>&1) &
  pid=$!
  for _ in $(seq 1 1200); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
  ready=$(( $(date +%s%3N) - t0 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/v1/events" -H 'Content-Type: application/json' \
    -d '{"events":[{"userId":"restart-probe","itemId":"1","type":"play"}]}')" = 202 ]; do sleep 0.05; done
  echo "silo ready $ready ms, first event accepted $(( $(date +%s%3N) - t0 )) ms after the process started"
}

settle() { # after an import the silo still saves grain state for a while: wait (at most 2 min) until it idles
  local c0 c1
  for _ in $(seq 1 24); do
    c0=$(awk '{print $14 + $15}' /proc/$pid/stat); sleep 5; c1=$(awk '{print $14 + $15}' /proc/$pid/stat)
    [ $(( (c1 - c0) * 100 / $(getconf CLK_TCK) )) -lt 50 ] && break
  done
  echo "silo idle (under 10 % of a core over 5 s); load before training: $(load)"
}

retrain() {
  local before
  before=$(curl -s "$url/v1/model" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"] or 0)')
  curl -s -X POST "$url/v1/model/retrain"; echo
  while ! curl -s "$url/v1/model" | python3 -c "import json,sys; m=json.load(sys.stdin); sys.exit(0 if (m['version'] or 0) > $before and not m['training'] else 1)"; do sleep 1; done
  curl -s "$url/v1/model" | python3 -c 'import json,sys; m=json.load(sys.stdin)["metrics"]; print("model metrics:", {k: round(v, 3) for k, v in m.items()})'
}

echo "data path: $data_path"
start
if [ "$(curl -s "$url/v1/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"])')" -lt 1000 ]; then
  $cli import --data "$data" --server "$url" 2>/dev/null
fi
curl -s "$url/v1/stats"; echo
settle
retrain
if [ -n "$more" ]; then
  $cli import --data "$more" --server "$url" 2>/dev/null
  curl -s "$url/v1/stats"; echo
  settle
  retrain
fi
echo "silo peak RSS: $(grep VmHWM /proc/$pid/status); load: $(load)"
for n in $(seq 1 "$restarts"); do
  kill -9 "$pid"; wait "$pid" 2>/dev/null
  echo "== restart $n after kill -9 (load $(load))"
  start
  settle
  retrain
  echo "silo peak RSS: $(grep VmHWM /proc/$pid/status)"
done
du -sh "$data_path"
