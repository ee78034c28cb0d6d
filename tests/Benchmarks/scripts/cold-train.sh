#!/usr/bin/env bash
# One cold training: starts a new silo process on an existing SQLite data folder (a new process keeps no events, so
# its first training reads the whole log), asks for a training, prints the model's timings and the process's peak
# RSS, and stops it. Run it alternately with SILO_DIR naming another tree's build to compare two versions.
# Usage: [SILO_DIR=folder] tests/Benchmarks/scripts/cold-train.sh DATA_FOLDER
#   e.g. DATA_FOLDER from DATA_PATH=/tmp/data10m tests/Benchmarks/scripts/retrain-large.sh /tmp/gen10m 1000000000
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
data=${1:?usage: cold-train.sh DATA_FOLDER}
silo_dir=${SILO_DIR:-$root/src/Silo/bin/Release/net10.0}
url=http://127.0.0.1:5390
log=$(mktemp)
(cd "$silo_dir" && exec dotnet AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22191 --Orleans:GatewayPort=39191 \
  --Orleans:ClusterId=cold-train-$$ --AIaaS:DataPath="$data" --Logging:LogLevel:Default=Warning \
  --AIaaS:Retraining:EventThreshold=1000000000 --AIaaS:Retraining:Interval=7.00:00:00 > "$log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 1200); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
version() { curl -s "$url/v1/model" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"] or 0)'; }
before=$(version); curl -s -X POST "$url/v1/model/retrain" >/dev/null
while [ "$(version)" = "$before" ]; do sleep 0.5; done
curl -s "$url/v1/model" | python3 -c 'import json,sys; m=json.load(sys.stdin)["metrics"]; print({k: round(m[k], 3) for k in ("readEvents", "readSeconds", "engineSeconds", "totalSeconds") if k in m})'
echo "peak RSS: $(grep VmHWM /proc/$(pgrep -f "AIaaS.Silo.dll --urls $url" | head -1)/status | awk '{print $2, $3}'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
