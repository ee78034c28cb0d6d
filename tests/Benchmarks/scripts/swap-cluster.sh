#!/usr/bin/env bash
# Time from POST /v1/model/retrain to every silo serving the new version, on a local 3-silo cluster on Redis
# (deploy/local-cluster.sh). Users' grains are spread over the silos, so the script asks 30 users for
# recommendations until every answer names the new version (each user is served by its grain's silo and that
# silo's model catalog). Imports DATA_DIR first; the first training (the 100k-event threshold) is not timed.
# Usage: tests/Benchmarks/scripts/swap-cluster.sh [DATA_DIR] [ROUNDS]   (needs redis-server; builds src/Silo)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
data=${1:-$root/../shared/data/ml-100k}
rounds=${2:-5}
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
out=$(mktemp)
"$root/deploy/local-cluster.sh" 3 > "$out" 2>&1 &
cluster=$!
trap 'kill -TERM $cluster 2>/dev/null; wait $cluster 2>/dev/null; rm -f "$out"' EXIT
until grep -q "silos ready" "$out"; do kill -0 $cluster 2>/dev/null || { cat "$out"; exit 1; }; sleep 1; done
url=$(sed -n 's/^  silo1  \(http:[^ ]*\).*/\1/p' "$out")
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); load: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
$cli import --data "$data" --server "$url" 2>/dev/null
model() { curl -s "$url/v1/model" | python3 -c "import json,sys; m=json.load(sys.stdin); print(m['version'] or 0, 1 if m['training'] else 0)"; }
read -r version training < <(model)
until [ "$version" -gt 0 ] && [ "$training" = 0 ]; do
  [ "$version" = 0 ] && [ "$training" = 0 ] && curl -s -X POST "$url/v1/model/retrain" >/dev/null
  sleep 1; read -r version training < <(model)
done
serving_all() { # one curl for the 30 requests, so that the polling itself costs little
  local urls=() u
  for u in $(seq 1 30); do urls+=("$url/v1/users/$u/recommendations?count=1"); done
  [ "$(curl -s "${urls[@]}" | grep -o "\"modelVersion\":$1[,}]" | wc -l)" -eq 30 ]
}
for r in $(seq 1 "$rounds"); do
  read -r before _ < <(model)
  t0=$(date +%s%3N)
  curl -s -X POST "$url/v1/model/retrain" >/dev/null
  until [ "$(model | cut -d' ' -f1)" -gt "$before" ]; do sleep 0.02; done; t1=$(date +%s%3N)
  until serving_all $((before + 1)); do sleep 0.02; done; t2=$(date +%s%3N)
  echo "round $r: version $((before + 1)) stored $((t1 - t0)) ms after the trigger; all 30 users (every silo) served by it $((t2 - t0)) ms after, $((t2 - t1)) ms after it was stored"
done
