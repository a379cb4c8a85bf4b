#!/usr/bin/env bash
# Installs the locked dependencies when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
marker=node_modules/.package-lock.json
needs_install() { [[ ! -f "$marker" || package-lock.json -nt "$marker" ]]; }
if needs_install; then
  # Two commands started together (a test run and a script, say) must not both run npm ci:
  # the second would delete node_modules under the first. The second waits, then finds it done.
  exec 9>.npm-install.lock
  flock 9
  if needs_install; then
    echo "[civicflow] installing dependencies (npm ci) ..." >&2
    npm ci --no-audit --no-fund >&2
  fi
fi
