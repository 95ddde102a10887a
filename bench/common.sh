# Shared by the bench/ scripts: JDK 25, the built jars, one Tradeport on its embedded defaults in a fresh data directory.
if ! java -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

PORT="${BENCH_PORT:-18080}"
BASE="http://127.0.0.1:$PORT"
RESULTS="$(mktemp -d /tmp/tradeport-bench-XXXX)"
APP_LOG="$RESULTS/cloud.log"
APP_PID=""

build_jars() {
  echo "== building (tests skipped)"
  ./mvnw -q -B -DskipTests package
}

# Extra application arguments may follow, e.g. start_cloud --tradeport.webapi.burst=1000000
start_cloud() {
  echo "== starting Tradeport on $BASE (data in $RESULTS/data)"
  java -Xms1g -Xmx1g -jar cloud/target/tradeport-cloud.jar --server.port="$PORT" --tradeport.data-dir="$RESULTS/data" \
    --logging.level.root=warn --logging.level.io.tradeport=info "$@" >"$APP_LOG" 2>&1 &
  APP_PID=$!
  trap stop_cloud EXIT
  for _ in $(seq 1 120); do
    grep -q "API secret" "$APP_LOG" 2>/dev/null && return 0
    kill -0 "$APP_PID" 2>/dev/null || { cat "$APP_LOG"; exit 1; }
    sleep 1
  done
  echo "Tradeport did not start; see $APP_LOG" >&2
  exit 1
}

stop_cloud() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

# wrk counts answers other than 2xx/3xx itself (a Lua counter would live in one thread's state only): refuse such a run.
require_all_ok() {
  if grep -q "Non-2xx or 3xx responses" "$1"; then
    echo "$1: some answers were not 2xx; the figures are not valid" >&2
    exit 1
  fi
}
