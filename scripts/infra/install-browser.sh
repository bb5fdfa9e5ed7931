#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (playwright-core drives /usr/bin/chromium;
# no browser is downloaded by npm). Idempotent: returns at once when Chromium is present.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "[install-browser] chromium present: $("$CHROMIUM" --version 2>/dev/null || echo unknown version)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "[install-browser] $CHROMIUM is missing; install it (apt-get install chromium) or run this as root" >&2
  exit 1
fi
echo "[install-browser] installing chromium from Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "[install-browser] installed: $("$CHROMIUM" --version 2>/dev/null || echo unknown version)"
