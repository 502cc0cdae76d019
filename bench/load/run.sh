#!/usr/bin/env bash
# Load on loopback against the production portal on PostgreSQL with the demo
# organisation: a fixed request rate per endpoint (autocannon), several runs,
# P50/P99, requests/s and errors, against the health endpoint measured in the
# same run as the baseline.
#
#   bench/load/run.sh [runs] [seconds] [rate]     (default 3 runs of 20 s at 200 req/s)
#
# Builds the portal first if packages/backend/dist has no bundle. Ports:
# BENCH_PORT (7146), E2E_OIDC_PORT, E2E_ALERTMANAGER_PORT; PostgreSQL:
# PORTAL_TEST_PG (the run's databases are dropped afterwards).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
bootstrap_postgres
bootstrap_alertmanager
cd "$PORTAL_ROOT"
if [ ! -f packages/backend/dist/bundle.tar.gz ]; then
  yarn tsc && yarn build:all
fi
exec node --require @backstage/cli/config/nodeTransform.cjs bench/load/run.ts "$@"
