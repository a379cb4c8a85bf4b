#!/usr/bin/env bash
# npm start: the whole platform in one process on the embedded default (no Kafka,
# PostgreSQL or Redis needed): data in DATA_DIR (./data), e-mail to a local sink, and
# the complaint mailbox listening on 127.0.0.1:2526 (mail to complaints@civicflow.local).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
export MAIL_SINK_ENABLED="${MAIL_SINK_ENABLED:-true}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:${MAIL_SINK_PORT:-2525}}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:${PORT:-3000}}"
export MAIL_INTAKE_ENABLED="${MAIL_INTAKE_ENABLED:-true}"
export MAIL_INTAKE_HOST="${MAIL_INTAKE_HOST:-127.0.0.1}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
export SWC_NODE_PROJECT=tsconfig.base.json
exec node -r @swc-node/register apps/platform/src/main.ts
