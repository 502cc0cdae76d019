#!/usr/bin/env bash
# Runs the whole test suite, as CI does:
#   type check, lint, formatting, unit and PostgreSQL-backed tests, the
#   production build, the e2e journeys in Chromium against that build
#   (PostgreSQL, OIDC sign-in), and one journey per role against the
#   embedded default (dev servers, SQLite, guest sign-in, the local
#   Prometheus and Alertmanager loop; e2e/embedded.config.ts).
#
#   scripts/test.sh
#
# Installs what it needs first (Node 22, the repo's yarn, dependencies,
# Debian's Chromium, Prometheus and Alertmanager, a running PostgreSQL and Redis); see
# scripts/bootstrap.sh.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

started=$SECONDS
step() {
  local name=$1
  shift
  local t=$SECONDS
  log "── $name"
  "$@"
  log "   $name: $((SECONDS - t)) s"
}

step "toolchain" bootstrap_toolchain
step "dependencies" bootstrap_install
step "chromium" bootstrap_chromium
step "postgresql" bootstrap_postgres
step "redis" bootstrap_redis
step "prometheus" bootstrap_prometheus
step "alertmanager" bootstrap_alertmanager

cd "$PORTAL_ROOT"
export CI=1
# Store and catalog tests run on SQLite and this PostgreSQL; without it they
# fail rather than quietly test SQLite alone.
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PORTAL_TEST_PG"
export PORTAL_REQUIRE_POSTGRES=1
# The read cache's shared-tier tests run on the machine's Redis (6379).
export PORTAL_REQUIRE_REDIS=1

step "type check" yarn tsc
step "lint" yarn lint
step "one version of each Backstage package" node scripts/check-backstage-versions.mjs
step "formatting" yarn prettier --check .
step "unit and database tests" yarn test
step "production build" yarn build:all
step "e2e journeys" yarn test:e2e
# Its own ports (frontend 3300, backend 7307, loop 9590/9591/9593); it stops
# the servers it starts, the backends of each role included.
step "e2e journeys, embedded default, one per role" yarn playwright test -c e2e/embedded.config.ts
step "reliability: two replicas, PostgreSQL restart, killed scaffolder run" yarn test:reliability

log "All tests passed in $((SECONDS - started)) s."
