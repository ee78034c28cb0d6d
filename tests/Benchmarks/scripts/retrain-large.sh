#!/usr/bin/env bash
# Retraining through the grain path on a large generated log, beside the Engine alone on the same file.
#  1. `aiaas bench retrain --data DIR`: the Engine alone (matrix from the events + ALS, the silo's defaults).
#  2. Imports DIR/u.data over HTTP into one silo with embedded defaults, asks for a retraining and prints the
#     model's metrics (readSeconds: reading the log through the grains while adding the events to the matrix
#     builder; engineSeconds: adding + matrix + ALS; totalSeconds: trigger to stored snapshot).
#  3. With MORE_DIR: imports it too and retrains again; that training reads only the events the log gained.
# While it imports, the default event threshold (AIaaS:Retraining:EventThreshold, 100,000) retrains again and
# again; pass a larger threshold as the second argument to import first and train once (the script then also
# moves the 10-minute retraining reminder out of the way, so the timed trainings are the ones it asks for).
# Each timed training starts once the silo has gone idle after the import (it saves grain state for a while).
# Usage: tests/Benchmarks/scripts/retrain-large.sh DIR [EVENT_THRESHOLD] [MORE_DIR]
#   e.g. aiaas generate --users 200000 --items 20000 --events 10000000 --out /tmp/gen10m
#        aiaas generate --users 200000 --items 20000 --events 100000 --seed 7 --out /tmp/gen100k
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
data=${1:?usage: retrain-large.sh DIR [EVENT_THRESHOLD] [MORE_DIR]}
threshold=${2:-100000}
more=${3:-}
interval=00:10:00
[ "$threshold" -gt 100000 ] && interval=7.00:00:00
url=http://127.0.0.1:5380
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(free -g | awk '/^Mem:/ {print $2}') GB; load: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
$cli bench retrain --data "$data" --runs 3

settle() { # after an import the silo still saves grain state for a while: wait (at most 2 min) until it idles
  local c0 c1
  for _ in $(seq 1 24); do
    c0=$(awk '{print $14 + $15}' /proc/$pid/stat); sleep 5; c1=$(awk '{print $14 + $15}' /proc/$pid/stat)
    [ $(( (c1 - c0) * 100 / $(getconf CLK_TCK) )) -lt 50 ] && break
  done
  echo "silo idle (under 10 % of a core over 5 s); load before training: $(cut -d' ' -f1-3 /proc/loadavg)"
}

retrain() {
  local before
  before=$(curl -s "$url/v1/model" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"] or 0)')
  curl -s -X POST "$url/v1/model/retrain"; echo
  while ! curl -s "$url/v1/model" | python3 -c "import json,sys; m=json.load(sys.stdin); sys.exit(0 if (m['version'] or 0) > $before and not m['training'] else 1)"; do sleep 1; done
  curl -s "$url/v1/model"; echo
}

cd "$root/src/Silo"
dotnet bin/Release/net10.0/AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=23111 --Orleans:GatewayPort=39300 \
  --Orleans:ClusterId=large-$$ --AIaaS:Retraining:EventThreshold="$threshold" \
  --AIaaS:Retraining:Interval="$interval" > /tmp/retrain-large-silo.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
$cli import --data "$data" --server "$url" 2>/dev/null
curl -s "$url/v1/stats"; echo
settle
retrain
if [ -n "$more" ]; then
  $cli import --data "$more" --server "$url" 2>/dev/null
  curl -s "$url/v1/stats"; echo
  settle
  retrain
fi
echo "silo peak RSS: $(grep VmHWM /proc/$pid/status); load: $(cut -d' ' -f1-3 /proc/loadavg)"
