#!/usr/bin/env bash
# Ingest over HTTP into one silo that keeps everything in PostgreSQL (log, models, grain state, clustering,
# reminders): each run starts a throwaway PostgreSQL server (with pg_stat_statements), `aiaas db init`, a silo, and
# imports EVENTS generated events (100,000 users, 10,000 items; batches of 1,000, 4 in flight). Prints per run the
# events/s, the CPU seconds of the silo and of all PostgreSQL processes, and the statements that took the most time.
# With OTHER_ROOT (a worktree of another commit, built), its build runs too, alternating with this one.
# Usage: [OTHER_ROOT=folder] tests/Benchmarks/scripts/ingest-postgresql.sh [EVENTS (default 300000)] [RUNS (default 1)]
#   (after: dotnet build AIaaS.sln -c Release; needs initdb/postgres/psql (apt-get install postgresql) and
#    AIAAS_ORLEANS_POSTGRESQL_SCRIPTS naming Orleans' PostgreSQL scripts; run as root or as a user that can run postgres)
set -euo pipefail
events=${1:-300000}; runs=${2:-1}
root=$(cd "$(dirname "$0")/../../.." && pwd)
scripts=${AIAAS_ORLEANS_POSTGRESQL_SCRIPTS:?name the folder of Orleans PostgreSQL scripts}
bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
url=http://127.0.0.1:5386; pgport=55435
gen=/tmp/aiaas-gen-100k-10k-$events
work=; silo_pid=; pg_pid=
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null
  [ -n "$pg_pid" ] && as_pg "$bin/pg_ctl" -D "$work/pg" stop -m fast >/dev/null 2>&1
  [ -n "$work" ] && rm -rf "$work"; silo_pid=; pg_pid=; work=
}
trap cleanup EXIT
cpu() { awk '{s+=$14+$15} END {print s+0}' "$@" 2>/dev/null; }
# The server and its live backends, and the backends that have exited (reaped, so counted in the server's cutime/cstime).
pg_cpu() {
  local pm; pm=$(head -1 "$work/pg/postmaster.pid")
  { awk '{print $14+$15+$16+$17}' /proc/"$pm"/stat; for p in $(pgrep -P "$pm"); do awk '{print $14+$15}' /proc/"$p"/stat; done; } 2>/dev/null | awk '{s+=$1} END {print s+0}'
}
run() { # tree
  local tree=$1 cli="dotnet $1/src/Cli/bin/Release/net10.0/aiaas.dll"
  work=$(mktemp -d); chmod 755 "$work"; [ "$(id -u)" = 0 ] && chown postgres "$work"
  as_pg "$bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 >/dev/null
  as_pg "$bin/postgres" -D "$work/pg" -p $pgport -k "$work" -c listen_addresses=127.0.0.1 \
    -c shared_preload_libraries=pg_stat_statements >"$work/pg.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 1 100); do psql -h 127.0.0.1 -p $pgport -U postgres -Atqc "SELECT 1" >/dev/null 2>&1 && break; sleep 0.1; done
  local cs="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres"
  $cli db init --connection "$cs" --scripts "$scripts" >/dev/null
  psql -h 127.0.0.1 -p $pgport -U postgres -qc "CREATE EXTENSION pg_stat_statements"
  (cd "$tree/src/Silo/bin/Release/net10.0" && exec dotnet AIaaS.Silo.dll --urls "$url" --Orleans:SiloPort=22117 \
    --Orleans:GatewayPort=39106 --AIaaS:DataPath="$work/data" --Logging:LogLevel:Default=Warning \
    --AIaaS:Retraining:EventThreshold=1000000000 --Orleans:Providers:Storage=PostgreSql --AIaaS:Storage:Provider=PostgreSql \
    "--ConnectionStrings:PostgreSql=$cs" >"$work/silo.log" 2>&1) &
  silo_pid=$!
  for _ in $(seq 1 1200); do curl -sf "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
  curl -sf "$url/health/ready" >/dev/null 2>&1 || { echo "the silo of $tree was not ready within 60 s:" >&2; tail -5 "$work/silo.log" >&2; exit 1; }
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local s0 p0 s1 p1 line
  s0=$(cpu /proc/$(pgrep -f "AIaaS.Silo.dll --urls $url")/stat); p0=$(pg_cpu)
  line=$($cli import --data "$gen" --server "$url" 2>/dev/null | tail -1)
  s1=$(cpu /proc/$(pgrep -f "AIaaS.Silo.dll --urls $url")/stat); p1=$(pg_cpu)
  echo "$(git -C "$tree" log --oneline -1 | cut -c1-7) (load $load): ${line#*in }; silo CPU $(( (s1 - s0) / 100 )) s, PostgreSQL CPU $(( (p1 - p0) / 100 )) s"
  psql -h 127.0.0.1 -p $pgport -U postgres -Atc "SELECT '  ' || lpad(calls::text, 7) || ' calls ' || lpad(round(total_exec_time)::text, 7) || ' ms  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 90) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 4"
  cleanup
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'); $(date -u +%F); PostgreSQL $("$bin/postgres" --version | awk '{print $3}')"
[ -f "$gen/u.data" ] || dotnet "$root/src/Cli/bin/Release/net10.0/aiaas.dll" generate --users 100000 --items 10000 --events "$events" --out "$gen" >/dev/null
for r in $(seq 1 "$runs"); do
  [ -n "${OTHER_ROOT:-}" ] && run "$OTHER_ROOT"
  run "$root"
done
