# Shared settings and helpers for the local infrastructure scripts. Sourced, never run.
# Everything listens on 127.0.0.1 only; state (pid files, logs, data) lives under
# $REPO/.posa/infra, downloads under ${POSA_CACHE_DIR:-$HOME/.cache/posa}.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$INFRA_DIR/../.." && pwd)"
STATE_DIR="$REPO/.posa/infra"
CACHE_DIR="${POSA_CACHE_DIR:-$HOME/.cache/posa}"

KAFKA_VERSION="3.9.1"
KAFKA_LIBS="$CACHE_DIR/kafka-$KAFKA_VERSION/libs"
KAFKA_PORT=19092
KAFKA_CONTROLLER_PORT=19093

KEYCLOAK_VERSION="${POSA_KEYCLOAK_VERSION:-26.4.7}"
KEYCLOAK_HOME="$CACHE_DIR/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_PORT=18080

REDIS_PORT=16379
POSTGRES_PORT=15432

log() { printf '[infra] %s\n' "$*"; }
# Maven in batch mode, its output in $CACHE_DIR/maven.log (shown by the callers' errors).
mvn_quiet() { mvn -B -Dstyle.color=never "$@" >"$CACHE_DIR/maven.log" 2>&1; }
die() { printf '[infra] error: %s\n' "$*" >&2; exit 1; }

# Prints the home of a JDK whose major version is at least $1, searching JAVA_HOME and
# /usr/lib/jvm (Temurin first). Returns 1 when there is none.
find_java_home() {
  local min="$1" dir major
  for dir in "${POSA_JAVA21_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-*-jdk* /usr/lib/jvm/*; do
    [ -n "$dir" ] && [ -x "$dir/bin/java" ] && [ -f "$dir/release" ] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")"
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 1
}

# True when the process whose id is stored in pid file $1 is alive.
pid_alive() {
  local pid
  [ -f "$1" ] || return 1
  pid="$(cat "$1" 2>/dev/null)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Stops the process recorded in pid file $1 (named $2): SIGTERM, waits up to $3 seconds,
# then SIGKILL. Removes the pid file.
stop_pid_file() {
  local file="$1" name="$2" grace="${3:-30}" pid i
  if ! pid_alive "$file"; then
    rm -f "$file"
    return 0
  fi
  pid="$(cat "$file")"
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop within ${grace}s, sending SIGKILL"
    # Our launchers start each component in its own session: kill its whole process group.
    if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then
      kill -KILL -- "-$pid" 2>/dev/null || true
    else
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.5
  fi
  rm -f "$file"
}

# wait_until NAME TIMEOUT PIDFILE LOGFILE CMD...: waits up to TIMEOUT seconds for CMD to
# succeed. Fails early when PIDFILE (if not empty) names a dead process. On failure prints
# an error naming the component and its log file, and returns 1.
wait_until() {
  local name="$1" timeout="$2" pidfile="$3" logfile="$4" start
  shift 4
  start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [ -n "$pidfile" ] && ! pid_alive "$pidfile"; then
      printf '[infra] error: %s exited during startup; see %s\n' "$name" "$logfile" >&2
      return 1
    fi
    if ((SECONDS - start >= timeout)); then
      printf '[infra] error: %s not ready after %ss; see %s\n' "$name" "$timeout" "$logfile" >&2
      return 1
    fi
    sleep 1
  done
  log "$name ready after $((SECONDS - start))s"
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Build-time options of the pre-built Keycloak: in-memory H2 (the realm is imported afresh
# at every start, so edits to deploy/keycloak apply without a purge) and the health
# endpoints on the management port.
keycloak_build_options() {
  printf '%s' "--db=dev-mem --health-enabled=true"
}
KEYCLOAK_MANAGEMENT_PORT=18081
