#!/usr/bin/env bash
# What a silo holds in memory after ingesting a generated log over HTTP: one silo with the embedded default (SQLite,
# a fresh folder), `aiaas import` of DIR/u.data, then its peak RSS (during the import, and with the heap dump) and
# current RSS, the live GC heap right after a full blocking GC (dotnet-gcdump collect induces one) and Orleans' active
# user grains at /metrics.
# SILO_DIR names another build's output (for example a worktree's) to compare two versions on the same file.
# SILO_ARGS adds settings to the silo's command line (for example a bound on active users: --AIaaS:Engine:MaxActiveUsers=60000).
# KEEP_DUMP names a file to keep the heap dump in (it is dropped otherwise) and prints the live objects' total from
# `dotnet-gcdump report`; `dotnet-gcdump report FILE` lists them by type.
# DATA_PATH names the data folder to import into and keep (for cold-train.sh); a fresh temporary one otherwise.
# Usage: [SILO_DIR=dir] [DATA_PATH=folder] [SILO_ARGS='--Key=value ...'] [KEEP_DUMP=file] tests/Benchmarks/scripts/import-memory.sh DIR
#   e.g. aiaas generate --users 100000 --items 10000 --events 3000000 --out /tmp/aiaas-gen-100k-10k-3000000
#   (after: dotnet build AIaaS.sln -c Release; needs dotnet-gcdump: dotnet tool install -g dotnet-gcdump)
set -euo pipefail
data=${1:?usage: import-memory.sh DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
silo_dir=${SILO_DIR:-$root/src/Silo/bin/Release/net10.0}
cli="dotnet $root/src/Cli/bin/Release/net10.0/aiaas.dll"
port=5383; url=http://127.0.0.1:$port
work=$(mktemp -d)
gcdump=$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")
silo_pid=
cleanup() { [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
gauge() { # metric name: its samples at /metrics summed over their labels
  curl -s "$url/metrics" | awk -v m="$1" 'index($0, m"{") == 1 { sub(/^[^}]*} /, ""); split($0, f, " "); s += f[1] } END { printf "%.0f", s }'
}
users() { curl -s "$url/metrics" | awk 'index($0, "orleans_catalog_activations{") == 1 && /grain_type="user"/ { n = $NF } END { print n + 0 }'; }
mib() { awk -v k="$1" '$1 == k":" { printf "%d MiB", $2 / 1024 }' "/proc/$silo_pid/status"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%FT%TZ); silo: $silo_dir"
(cd "$silo_dir" && exec dotnet AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22114 --Orleans:GatewayPort=39103 \
  --Orleans:ClusterId=memory-$$ --AIaaS:DataPath="${DATA_PATH:-$work/data}" --Logging:LogLevel:Default=Warning \
  --AIaaS:Retraining:EventThreshold=1000000000 --AIaaS:Retraining:Interval=7.00:00:00 ${SILO_ARGS:-} >>"$work/silo.log" 2>&1) &
for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
silo_pid=$(pgrep -f "ClusterId=memory-$$" | tail -1)
t0=$(date +%s)
$cli import --data "$data" --server "$url" 2>/dev/null | tail -1
echo "import took $(( $(date +%s) - t0 )) s; load $(cut -d' ' -f1-3 /proc/loadavg)"
# Read before the dump: collecting it takes memory of its own, which the high-water mark would keep.
import_peak=$(mib VmHWM)
"$gcdump" collect -p "$silo_pid" -o "$work/heap.gcdump" >/dev/null 2>&1
if [ -n "${KEEP_DUMP:-}" ]; then
  mv "$work/heap.gcdump" "$KEEP_DUMP"
  echo "heap dump in $KEEP_DUMP: $("$gcdump" report "$KEEP_DUMP" | awk '/GC Heap bytes/ && !n { print $1; n = 1 }') bytes of live objects"
fi
heap=$(gauge dotnet_gc_last_collection_heap_size_bytes); active=$(users)
echo "peak RSS $import_peak during the import, $(mib VmHWM) with the dump; RSS $(mib VmRSS); live heap after a full GC $(( heap / 1048576 )) MiB; $active user grains active, $(( heap / (active > 0 ? active : 1) )) bytes of heap per active user"
