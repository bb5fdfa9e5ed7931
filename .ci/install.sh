#!/usr/bin/env bash
# System-level needs of the test suite on a fresh Debian machine (run as root by .ci/run):
# redis-server from Debian, the Kafka broker jars and the Keycloak distribution from Maven
# Central. Idempotent; a warm machine finishes in a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/infra/install.sh
# Debian's Chromium (and a font with Vietnamese glyphs) for the console's browser tests.
bash scripts/infra/install-browser.sh
