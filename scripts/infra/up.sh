#!/usr/bin/env bash
# Brings the local full stack up on 127.0.0.1: PostgreSQL :15432, Redis :16379,
# Kafka :19092, Keycloak :18080. Idempotent: engines already running are left alone.
# Writes .posa/infra/env with the POSA_TEST_* variables and prints them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
bash "$INFRA_DIR/install.sh"
mkdir -p "$STATE_DIR"
# Keycloak takes longest to start: it starts alongside the others.
bash "$INFRA_DIR/keycloak.sh" start &
keycloak_job=$!
status=0
for component in redis postgres kafka; do
  bash "$INFRA_DIR/$component.sh" start || status=1
done
wait "$keycloak_job" || status=1
[ "$status" -eq 0 ] || die "some engines did not start (see the errors above); scripts/infra/down.sh stops the others"

postgres_url="$(cat "$STATE_DIR/postgres/url")"
cat >"$STATE_DIR/env.tmp" <<ENV
POSA_TEST_POSTGRES_URL=$postgres_url
POSA_TEST_KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
POSA_TEST_KEYCLOAK_URL=http://127.0.0.1:$KEYCLOAK_PORT
POSA_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT
ENV
mv "$STATE_DIR/env.tmp" "$STATE_DIR/env"
log "all engines up in $((SECONDS - started))s; variables in $STATE_DIR/env:"
cat "$STATE_DIR/env"
