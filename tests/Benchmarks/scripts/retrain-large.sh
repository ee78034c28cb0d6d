#!/usr/bin/env bash
# Retraining through the grain path on a large generated log: imports DIR/u.data over HTTP into one silo
# with embedded defaults, then asks for a retraining and prints the model's metrics (readSeconds: fetching
# the log pages through the grains; engineSeconds: matrix + ALS; totalSeconds: the whole grain path).
# While it imports, the default event threshold (AIaaS:Retraining:EventThreshold, 100,000) retrains again
# and again; pass a larger threshold as the second argument to import first and train once (the script then
# also moves the 10-minute retraining reminder out of the way, so the one timed training is the one it asks for).
# Usage: tests/Benchmarks/scripts/retrain-large.sh DIR [EVENT_THRESHOLD]
#   e.g. aiaas generate --users 200000 --items 20000 --events 10000000 --out /tmp/gen10m
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
data=${1:?usage: retrain-large.sh DIR [EVENT_THRESHOLD]}
threshold=${2:-100000}
interval=00:10:00
[ "$threshold" -gt 100000 ] && interval=7.00:00:00
url=http://127.0.0.1:5380
cd "$root/src/Silo"
dotnet bin/Release/net10.0/AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=23111 --Orleans:GatewayPort=39300 \
  --Orleans:ClusterId=large-$$ --AIaaS:Retraining:EventThreshold="$threshold" \
  --AIaaS:Retraining:Interval="$interval" > /tmp/retrain-large-silo.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); load: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
dotnet ../Cli/bin/Release/net10.0/aiaas.dll import --data "$data" --server "$url" 2>/dev/null
curl -s "$url/v1/stats"; echo
before=$(curl -s "$url/v1/model" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"] or 0)')
curl -s -X POST "$url/v1/model/retrain"; echo
while ! curl -s "$url/v1/model" | python3 -c "import json,sys; m=json.load(sys.stdin); sys.exit(0 if (m['version'] or 0) > $before and not m['training'] else 1)"; do sleep 1; done
curl -s "$url/v1/model"; echo
echo "silo peak RSS: $(grep VmHWM /proc/$pid/status); load: $(cut -d' ' -f1-3 /proc/loadavg)"
