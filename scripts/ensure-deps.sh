#!/usr/bin/env bash
# Installs the locked dependencies when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.package-lock.json
if [[ ! -f "$marker" || package-lock.json -nt "$marker" ]]; then
  echo "[civicflow] installing dependencies (npm ci) ..." >&2
  npm ci --no-audit --no-fund >&2
fi
