#!/usr/bin/env bash
# Runs a TypeScript entry point of this repo (path aliases and decorator metadata included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export SWC_NODE_PROJECT="${SWC_NODE_PROJECT:-tsconfig.base.json}"
exec node -r @swc-node/register "$@"
