#!/usr/bin/env bash
# Starts or stops the local PostgreSQL on 127.0.0.1:15432, run by scripts/infra/postgres.mjs
# through @posa/db's embedded-PostgreSQL launcher. Usage: postgres.sh start|stop|status
# State: .posa/infra/postgres/{postgres.pid,postgres.log,url,data/}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_STATE="$STATE_DIR/postgres"
PID_FILE="$PG_STATE/postgres.pid"
LOG_FILE="$PG_STATE/postgres.log"
READY_FILE="$PG_STATE/url"
DATA_DIR="$PG_STATE/data"

ready() { [ -s "$READY_FILE" ] && port_open "$POSTGRES_PORT"; }

start() {
  if pid_alive "$PID_FILE"; then
    log "postgres already running (pid $(cat "$PID_FILE"))"
    return
  fi
  local tsx="$REPO/node_modules/.bin/tsx"
  [ -x "$tsx" ] || die "$tsx missing; run npm ci first"
  port_open "$POSTGRES_PORT" && die "port $POSTGRES_PORT is taken by another process; stop it first"
  mkdir -p "$PG_STATE"
  # PostgreSQL refuses to run as root: as root, the launcher runs it as user 'postgres',
  # which must own the data directory's parent.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home postgres
    chown postgres: "$PG_STATE"
    runuser -u postgres -- test -x "$PG_STATE" \
      || die "user postgres cannot reach $PG_STATE; put the repository where every user may enter its folders"
  fi
  rm -f "$READY_FILE"
  [ -f "$LOG_FILE" ] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  log "starting postgres on 127.0.0.1:$POSTGRES_PORT"
  cd "$REPO"
  setsid nohup "$tsx" --conditions=posa-src "$INFRA_DIR/postgres.mjs" \
    --data-dir "$DATA_DIR" --port "$POSTGRES_PORT" --ready-file "$READY_FILE" \
    >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_until postgres "${POSA_POSTGRES_START_TIMEOUT:-120}" "$PID_FILE" "$LOG_FILE" ready
}

stop() {
  stop_pid_file "$PID_FILE" postgres 30
  # A server left behind by a killed launcher: fast shutdown through its own pid file.
  local pm="$DATA_DIR/postmaster.pid" pid i
  if [ -f "$pm" ]; then
    pid="$(head -n 1 "$pm")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      log "stopping leftover postgres server (pid $pid)"
      kill -INT "$pid" 2>/dev/null || true
      for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    fi
  fi
  rm -f "$READY_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    if pid_alive "$PID_FILE"; then echo "postgres: up (pid $(cat "$PID_FILE"), 127.0.0.1:$POSTGRES_PORT)"; else echo "postgres: down"; exit 1; fi
    ;;
  *) die "usage: postgres.sh start|stop|status" ;;
esac
