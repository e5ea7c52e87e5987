#!/usr/bin/env bash
# Measures how long `java -jar packaging/target/dialer.jar serve` takes to answer 200 on /healthz:
# first start (fresh data directory: unpack PostgreSQL, initdb, migrate) and restart (same directory).
# Prints one line per run, then a JSON summary on the last line. Needs curl.
# Usage: scripts/bench-startup.sh [runs]   (BENCH_PORT=port to choose the HTTP port)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=packaging/target/dialer.jar
runs=${1:-3}
[ -f "$jar" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 1; }

port=${BENCH_PORT:-$(shuf -i 20000-60000 -n 1)}
now_ms() { date +%s%3N; }

start_and_time() {  # $1 = working directory; prints milliseconds to a 200 on /healthz, stops the appliance
  local dir=$1 begin pid
  begin=$(now_ms)
  (cd "$dir" && DIALER_HTTP_PORT=$port exec java -jar "$OLDPWD/$jar" serve >>serve.log 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    kill -0 "$pid" 2>/dev/null || { echo "appliance died; see $dir/serve.log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( $(now_ms) - begin ))
  kill -TERM "$pid"; wait "$pid" || true
}

first=(); restart=()
for i in $(seq "$runs"); do
  dir=$(mktemp -d)
  first+=("$(start_and_time "$dir")")
  restart+=("$(start_and_time "$dir")")
  echo "run $i: first start ${first[-1]} ms, restart ${restart[-1]} ms"
  rm -rf "$dir"
done
max() { printf '%s\n' "$@" | sort -n | tail -1; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "{\"benchmark\":\"startup\",\"runs\":$runs,\"firstStartMedianMs\":$(median "${first[@]}"),\"firstStartMaxMs\":$(max "${first[@]}"),\"restartMedianMs\":$(median "${restart[@]}"),\"restartMaxMs\":$(max "${restart[@]}"),\"targetMs\":20000}"
