#!/usr/bin/env bash
# Stops the local full stack (or only the named components) started by up.sh.
# Usage: down.sh [--purge] [postgres|kafka|keycloak|redis ...]
# Data is kept unless --purge, which removes .posa/infra entirely once all are stopped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

purge=no
components=()
for arg in "$@"; do
  case "$arg" in
    --purge) purge=yes ;;
    postgres | kafka | keycloak | redis) components+=("$arg") ;;
    *) die "usage: down.sh [--purge] [postgres|kafka|keycloak|redis ...]" ;;
  esac
done
all=no
if [ "${#components[@]}" -eq 0 ]; then
  all=yes
  components=(keycloak kafka postgres redis)
fi

started=$SECONDS
for component in "${components[@]}"; do
  bash "$INFRA_DIR/$component.sh" stop
done
if [ "$all" = yes ]; then
  rm -f "$STATE_DIR/env"
  if [ "$purge" = yes ]; then
    log "purging $STATE_DIR"
    rm -rf "$STATE_DIR"
  fi
elif [ "$purge" = yes ]; then
  die "--purge applies to the whole stack only; stopped ${components[*]}, data kept"
fi
log "stopped ${components[*]} in $((SECONDS - started))s"
