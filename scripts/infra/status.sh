#!/usr/bin/env bash
# Prints which engines of the local full stack are running.
# Usage: status.sh [--running]   (--running: only the names of running engines, one a line)
# Exits 0 when all four are up, 1 otherwise.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all_up=0
for component in postgres kafka keycloak redis; do
  if line="$(bash "$INFRA_DIR/$component.sh" status)"; then
    if [ "${1:-}" = --running ]; then echo "$component"; else echo "$line"; fi
  else
    all_up=1
    [ "${1:-}" = --running ] || echo "$line"
  fi
done
exit "$all_up"
