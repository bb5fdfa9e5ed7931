#!/usr/bin/env bash
# Installs what the local full stack needs: redis-server (Debian package), the Apache Kafka
# broker jars and the Keycloak distribution (both from Maven Central through mvn).
# Idempotent: a second run only checks and returns within a second or two.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

redis_version() { redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p'; }

install_redis() {
  if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
    log "redis-server present: $(redis_version)"
    return
  fi
  [ "$(id -u)" -eq 0 ] || die "redis-server is missing; install it (apt-get install redis-server) or run this as root"
  log "installing redis-server from Debian"
  # Keep the package from starting its own system-wide server on port 6379: we start ours.
  local policy=/usr/sbin/policy-rc.d created_policy=no
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    created_policy=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  [ "$created_policy" = yes ] && rm -f "$policy"
  log "installed redis-server $(redis_version)"
}

install_kafka() {
  if [ -f "$KAFKA_LIBS/.complete" ]; then
    log "kafka $KAFKA_VERSION jars present in $KAFKA_LIBS"
    return
  fi
  command -v mvn >/dev/null || die "mvn (Apache Maven) is needed to download Kafka"
  log "downloading kafka $KAFKA_VERSION and its runtime dependencies"
  local tmp="$KAFKA_LIBS.partial"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  mvn_quiet -f "$REPO/deploy/kafka/pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" \
    || die "mvn could not resolve org.apache.kafka:kafka_2.13:$KAFKA_VERSION; see $CACHE_DIR/maven.log"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  touch "$KAFKA_LIBS/.complete"
  log "kafka jars in $KAFKA_LIBS ($(ls "$KAFKA_LIBS" | wc -l) files)"
}

install_keycloak() {
  local java_home
  java_home="$(find_java_home 21)" || die "Keycloak $KEYCLOAK_VERSION needs Java 21 or newer; none found in /usr/lib/jvm (set POSA_JAVA21_HOME)"
  if [ ! -f "$KEYCLOAK_HOME/.complete" ]; then
    command -v mvn >/dev/null || die "mvn (Apache Maven) is needed to download Keycloak"
    log "downloading keycloak $KEYCLOAK_VERSION"
    local downloads="$CACHE_DIR/downloads" archive tmp="$KEYCLOAK_HOME.partial"
    archive="$downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
    mkdir -p "$downloads"
    mvn_quiet dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
      -DoutputDirectory="$downloads" \
      || die "mvn could not resolve org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION; see $CACHE_DIR/maven.log (POSA_KEYCLOAK_VERSION selects another 26.x)"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    tar -xzf "$archive" -C "$tmp" --strip-components=1
    rm -f "$archive"
    rm -rf "$KEYCLOAK_HOME"
    mv "$tmp" "$KEYCLOAK_HOME"
    touch "$KEYCLOAK_HOME/.complete"
  fi
  log "keycloak $KEYCLOAK_VERSION present in $KEYCLOAK_HOME (java: $java_home)"
  build_keycloak "$java_home"
}

# Pre-builds Keycloak with the options the local stack uses, so each start skips the build
# step (`start --optimized`). Re-runs only when those options change.
build_keycloak() {
  local java_home="$1" options stamp="$KEYCLOAK_HOME/.posa-build"
  options="$(keycloak_build_options)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$options" ]; then
    log "keycloak already built with: $options"
    return
  fi
  log "building keycloak with: $options"
  # shellcheck disable=SC2086
  JAVA_HOME="$java_home" "$KEYCLOAK_HOME/bin/kc.sh" build $options >"$CACHE_DIR/keycloak-build.log" 2>&1 \
    || die "kc.sh build failed; see $CACHE_DIR/keycloak-build.log"
  printf '%s' "$options" >"$stamp"
}

mkdir -p "$CACHE_DIR"
started=$SECONDS
install_redis
install_kafka
install_keycloak
log "install done in $((SECONDS - started))s"
