#!/usr/bin/env bash
# The performance benchmark of issue 10: the portal and stock Backstage of the
# same release (create-app 0.9.2 = 1.55.0, built outside the repository by
# bench/perf/stock/build.sh), side by side on PostgreSQL with the same
# generated workload. Prints every figure with its spread, the ratios
# portal/stock and the issue's targets. See bench/perf/README.md.
#
#   bench/perf/run.sh
#
# Environment: PERF_RUNS (3), PERF_SECONDS (10) per load run; PERF_SKIP, a
# comma-separated list of phases to leave out (stock, catalog, frontend,
# plugins); ports PERF_PORTAL_PORT (7340), PERF_STOCK_PORT (7350),
# E2E_OIDC_PORT, E2E_ALERTMANAGER_PORT; PERF_PG_PORT (5439) and PERF_PG_DIR
# for the bench's own PostgreSQL cluster (bench/perf/postgres.sh).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"
bootstrap_toolchain
bootstrap_install
bootstrap_chromium
bootstrap_postgres
bootstrap_redis
bootstrap_alertmanager
bootstrap_prometheus
cd "$PORTAL_ROOT"
if [ ! -f packages/backend/dist/bundle.tar.gz ]; then
  yarn tsc && yarn build:all
fi
export E2E_PORTAL_PORT="${PERF_PORTAL_PORT:-7340}"
export E2E_OIDC_PORT="${E2E_OIDC_PORT:-7341}"
export E2E_ALERTMANAGER_PORT="${E2E_ALERTMANAGER_PORT:-7342}"
start_bench_postgres
trap stop_bench_postgres EXIT
node --require @backstage/cli/config/nodeTransform.cjs bench/perf/run.ts "$@"
