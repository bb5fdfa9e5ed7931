#!/usr/bin/env bash
# Fails when the committed code in libs/proto differs from what proto/ generates.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/gen-proto.sh >/dev/null
if ! git diff --exit-code --stat -- libs/proto/src || [ -n "$(git status --porcelain -- libs/proto/src)" ]; then
  echo "libs/proto is stale: run 'npm run gen' and commit the result" >&2
  git status --porcelain -- libs/proto/src >&2
  exit 1
fi
echo "libs/proto matches proto/"
