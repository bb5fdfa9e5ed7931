#!/usr/bin/env bash
# Starts, stops or restarts the local single-node Kafka (KRaft) on 127.0.0.1:19092.
# Usage: kafka.sh start|stop|restart|status
# State: .posa/infra/kafka/{kafka.pid,server.properties,data/,logs/server.log}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_STATE="$STATE_DIR/kafka"
PID_FILE="$KAFKA_STATE/kafka.pid"
LOG_FILE="$KAFKA_STATE/logs/server.log"
CONFIG="$KAFKA_STATE/server.properties"

# Kafka 3.9 is built and tested for Java 17: prefer the java on PATH, else any JDK >= 17.
kafka_java() {
  local home
  if command -v java >/dev/null; then
    command -v java
  elif home="$(find_java_home 17)"; then
    printf '%s\n' "$home/bin/java"
  else
    die "no Java runtime found for Kafka (Java 17 or newer)"
  fi
}

# True once the broker logged that it started (after byte $1 of the log) and its port accepts.
started_since() {
  local from="$1"
  [ -f "$LOG_FILE" ] || return 1
  # The log may have rolled over since: then read it from the start.
  [ "$(stat -c %s "$LOG_FILE")" -ge "$from" ] || from=0
  tail -c "+$((from + 1))" "$LOG_FILE" | grep -q 'Kafka Server started' && port_open "$KAFKA_PORT"
}

start() {
  if pid_alive "$PID_FILE"; then
    log "kafka already running (pid $(cat "$PID_FILE"))"
    return
  fi
  [ -f "$KAFKA_LIBS/.complete" ] || die "kafka jars missing in $KAFKA_LIBS; run scripts/infra/install.sh"
  if port_open "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is taken by another process; stop it first"
  fi
  local java classpath="$KAFKA_LIBS/*" offset=0
  java="$(kafka_java)"
  mkdir -p "$KAFKA_STATE/data" "$KAFKA_STATE/logs"
  sed "s#@DATA_DIR@#$KAFKA_STATE/data#" "$REPO/deploy/kafka/server.properties" >"$CONFIG"
  local jvm_opts=(-Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$REPO/deploy/kafka/log4j.properties"
    "-Dkafka.logs.dir=$KAFKA_STATE/logs")
  if [ ! -f "$KAFKA_STATE/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$("$java" "${jvm_opts[@]}" -cp "$classpath" kafka.tools.StorageTool random-uuid)"
    log "formatting kafka storage (cluster id $cluster_id)"
    "$java" "${jvm_opts[@]}" -cp "$classpath" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$CONFIG" --ignore-formatted >>"$KAFKA_STATE/logs/format.log" 2>&1 \
      || die "kafka storage format failed; see $KAFKA_STATE/logs/format.log"
  fi
  [ -f "$LOG_FILE" ] && offset="$(stat -c %s "$LOG_FILE")"
  log "starting kafka on 127.0.0.1:$KAFKA_PORT"
  setsid nohup "$java" "${jvm_opts[@]}" -cp "$classpath" kafka.Kafka "$CONFIG" \
    >"$KAFKA_STATE/logs/stdout.log" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_until kafka "${POSA_KAFKA_START_TIMEOUT:-90}" "$PID_FILE" "$LOG_FILE" started_since "$offset"
}

stop() {
  stop_pid_file "$PID_FILE" kafka 30
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop && start ;;
  status)
    if pid_alive "$PID_FILE"; then echo "kafka: up (pid $(cat "$PID_FILE"), 127.0.0.1:$KAFKA_PORT)"; else echo "kafka: down"; exit 1; fi
    ;;
  *) die "usage: kafka.sh start|stop|restart|status" ;;
esac
