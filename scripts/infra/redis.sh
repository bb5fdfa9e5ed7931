#!/usr/bin/env bash
# Starts or stops the local Redis on 127.0.0.1:16379 (no persistence: a cache and session
# store for tests). Usage: redis.sh start|stop|status
# State: .posa/infra/redis/{redis.pid,redis.log}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REDIS_STATE="$STATE_DIR/redis"
PID_FILE="$REDIS_STATE/redis.pid"
LOG_FILE="$REDIS_STATE/redis.log"

ping() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

start() {
  if pid_alive "$PID_FILE"; then
    log "redis already running (pid $(cat "$PID_FILE"))"
    return
  fi
  command -v redis-server >/dev/null || die "redis-server missing; run scripts/infra/install.sh"
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by another process; stop it first"
  mkdir -p "$REDIS_STATE"
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$REDIS_STATE" --pidfile "$PID_FILE" --logfile "$LOG_FILE" \
    || die "redis-server failed to start; see $LOG_FILE"
  wait_until redis 20 "" "$LOG_FILE" ping
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid_file "$PID_FILE" redis 10 ;;
  status)
    if pid_alive "$PID_FILE"; then echo "redis: up (pid $(cat "$PID_FILE"), 127.0.0.1:$REDIS_PORT)"; else echo "redis: down"; exit 1; fi
    ;;
  *) die "usage: redis.sh start|stop|status" ;;
esac
