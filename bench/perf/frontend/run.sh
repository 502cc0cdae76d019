#!/usr/bin/env bash
# The catalog page in Debian's Chromium against a production build: JS bytes
# on the wire and time until the rows show, cold and warm (see README.md).
#
#   bench/perf/frontend/run.sh portal [runs]           the portal, started here
#   bench/perf/frontend/run.sh pages [runs]            catalog, SLO, cost and
#                                                      compliance pages, cold/warm
#   bench/perf/frontend/run.sh guest <baseUrl> [runs] [path]  a running stock app
#
# Builds the portal first if packages/backend/dist has no bundle. Ports:
# E2E_PORTAL_PORT (7320), E2E_OIDC_PORT (7321), E2E_ALERTMANAGER_PORT (7322);
# PostgreSQL: PORTAL_TEST_PG (the run's databases are dropped afterwards).
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
cd "$PORTAL_ROOT"
export E2E_PORTAL_PORT="${E2E_PORTAL_PORT:-7320}"
export E2E_OIDC_PORT="${E2E_OIDC_PORT:-7321}"
export E2E_ALERTMANAGER_PORT="${E2E_ALERTMANAGER_PORT:-7322}"
if [ "${1:-}" = portal ] || [ "${1:-}" = pages ]; then
  bootstrap_postgres
  bootstrap_alertmanager
  if [ ! -f packages/backend/dist/bundle.tar.gz ]; then
    yarn tsc && yarn build:all
  fi
fi
exec node --require @backstage/cli/config/nodeTransform.cjs bench/perf/frontend/run.ts "$@"
