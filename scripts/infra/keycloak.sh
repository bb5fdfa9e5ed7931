#!/usr/bin/env bash
# Starts or stops the local Keycloak on 127.0.0.1:18080 (management/health on 18081), with
# the realm files of deploy/keycloak imported at every start into an in-memory database.
# The bootstrap administrator admin/admin exists for local development and tests only.
# Usage: keycloak.sh start|stop|status
# State: .posa/infra/keycloak/{keycloak.pid,keycloak.log}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC_STATE="$STATE_DIR/keycloak"
PID_FILE="$KC_STATE/keycloak.pid"
LOG_FILE="$KC_STATE/keycloak.log"
DISCOVERY="http://127.0.0.1:$KEYCLOAK_PORT/realms/posa/.well-known/openid-configuration"

answers() { curl -sf -o /dev/null --max-time 5 "$DISCOVERY"; }

start() {
  if pid_alive "$PID_FILE"; then
    log "keycloak already running (pid $(cat "$PID_FILE"))"
    return
  fi
  local java_home stamp="$KEYCLOAK_HOME/.posa-build"
  [ -f "$KEYCLOAK_HOME/.complete" ] || die "keycloak missing in $KEYCLOAK_HOME; run scripts/infra/install.sh"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(keycloak_build_options)" ] \
    || die "keycloak is not built with the expected options; run scripts/infra/install.sh"
  java_home="$(find_java_home 21)" || die "Keycloak needs Java 21 or newer (set POSA_JAVA21_HOME)"
  port_open "$KEYCLOAK_PORT" && die "port $KEYCLOAK_PORT is taken by another process; stop it first"
  mkdir -p "$KC_STATE" "$KEYCLOAK_HOME/data/import"
  rm -f "$KEYCLOAK_HOME"/data/import/*.json
  cp "$REPO"/deploy/keycloak/*-realm.json "$KEYCLOAK_HOME/data/import/"
  [ -f "$LOG_FILE" ] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  log "starting keycloak on 127.0.0.1:$KEYCLOAK_PORT (java: $java_home)"
  # The class-data archive, written by the JVM at the first clean exit, makes later starts
  # markedly faster on a small machine (measured: ~12-21 s instead of ~23-28 s under load).
  JAVA_HOME="$java_home" \
    JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
    JAVA_OPTS_APPEND="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$KEYCLOAK_HOME/posa-cds.jsa" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${POSA_TEST_KEYCLOAK_ADMIN:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${POSA_TEST_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    setsid nohup "$KEYCLOAK_HOME/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --hostname-strict=false --cache=local \
    >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_until keycloak "${POSA_KEYCLOAK_START_TIMEOUT:-180}" "$PID_FILE" "$LOG_FILE" answers
}

case "${1:-}" in
  start) start ;;
  stop) stop_pid_file "$PID_FILE" keycloak 30 ;;
  status)
    if pid_alive "$PID_FILE"; then echo "keycloak: up (pid $(cat "$PID_FILE"), http://127.0.0.1:$KEYCLOAK_PORT)"; else echo "keycloak: down"; exit 1; fi
    ;;
  *) die "usage: keycloak.sh start|stop|status" ;;
esac
