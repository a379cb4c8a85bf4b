#!/usr/bin/env bash
# npm test: lint (module boundaries included), then every jest test against the real
# PostgreSQL, Redis and a Kafka broker that this script starts; the type check counts as a test. Ends with one line:
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || exit 1
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# PGlite loads its WebAssembly through a dynamic import, which jest allows only with this flag.
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings"

bash scripts/kafka.sh start || { echo "0 passed, 1 failed"; exit 1; }

lint_failed=0
echo "[test] lint (ESLint with @nx/enforce-module-boundaries) ..."
npx nx run-many -t lint --parallel=2 --outputStyle=static || lint_failed=1
# Jest compiles with SWC, which strips types without checking them.
echo "[test] typecheck (tsc --noEmit) ..."
npx tsc -p tsconfig.typecheck.json --noEmit || lint_failed=$((lint_failed + 1))

results=tmp/jest-results.json
mkdir -p tmp
rm -f "$results"
echo "[test] jest ..."
npx jest --ci --maxWorkers=2 --json --outputFile="$results" "$@"
jest_status=$?

node -e '
  const fs = require("fs");
  const [file, lintFailed, jestStatus] = process.argv.slice(1);
  let passed = 0, failed = Number(lintFailed);
  if (fs.existsSync(file)) {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  } else failed += 1;
  if (Number(jestStatus) !== 0 && failed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
' "$results" "$lint_failed" "$jest_status"
