#!/usr/bin/env bash
# A local cluster on this machine: redis-server from the machine's packages and N silos, all on 127.0.0.1 with
# free ports. Waits until every silo answers /health/ready, prints the endpoints, and stops everything on exit.
#
#   deploy/local-cluster.sh [N]          # N silos (default 3); Ctrl-C stops them and Redis
#   deploy/local-cluster.sh 3 --check    # start, wait until ready, print, stop (a smoke test)
#
# Needs redis-server (apt-get install -y redis-server) and curl. AIAAS_NO_BUILD=1 skips the build.
set -euo pipefail

silos="${1:-3}"
mode="${2:-}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="$root/src/Silo/bin/Release/net10.0/AIaaS.Silo.dll"
work="$(mktemp -d -t aiaas-cluster.XXXXXX)"
pids=()

stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # One deadline for all: silos leaving together wait on each other's membership updates.
  for _ in $(seq 1 150); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "local-cluster: stopped; logs in $work"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

command -v redis-server >/dev/null || { echo "local-cluster: redis-server is not installed (apt-get install -y redis-server)" >&2; exit 1; }
command -v curl >/dev/null || { echo "local-cluster: curl is required" >&2; exit 1; }

used=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    [[ "$used" == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then used+="$port "; echo "$port"; return; fi
  done
}

if [[ "${AIAAS_NO_BUILD:-}" != 1 ]]; then
  dotnet build "$root/src/Silo" -c Release -v quiet -nologo >"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
fi

redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=("$!")
cluster="local-$$"

export Orleans__ClusterId="$cluster" Orleans__ServiceId="$cluster" Orleans__AdvertisedAddress=127.0.0.1 \
  Orleans__Providers__Clustering=Redis Orleans__Providers__Storage=Redis Orleans__Providers__Reminders=Redis \
  ConnectionStrings__Redis="127.0.0.1:$redis_port"
http_ports=()
gateways=()
for i in $(seq 1 "$silos"); do
  http="$(free_port)"; silo="$(free_port)"; gateway="$(free_port)"
  Urls="http://127.0.0.1:$http" Orleans__SiloPort="$silo" Orleans__GatewayPort="$gateway" \
    dotnet "$dll" >"$work/silo$i.log" 2>&1 &
  pids+=("$!")
  http_ports+=("$http")
  gateways+=("127.0.0.1:$gateway")
done

started=$SECONDS
for i in $(seq 1 "$silos"); do
  port="${http_ports[$((i - 1))]}"
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "local-cluster: silo$i exited; its log:" >&2; tail -n 20 "$work/silo$i.log" >&2; exit 1
    fi
    if ((SECONDS - started > 120)); then echo "local-cluster: silo$i not ready after 120 s" >&2; exit 1; fi
    sleep 0.5
  done
done

echo "local-cluster: $silos silos ready in $((SECONDS - started)) s (cluster $cluster, Redis 127.0.0.1:$redis_port)"
for i in $(seq 1 "$silos"); do
  echo "  silo$i  http://127.0.0.1:${http_ports[$((i - 1))]}  gateway ${gateways[$((i - 1))]}"
done
[[ "$mode" == --check ]] && exit 0
echo "local-cluster: Ctrl-C stops the cluster"
wait
