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

# Runs two lanes (shell functions) side by side, each lane's output into its
# own log, printed whole once both have ended; fails naming the lane that
# failed. Used where the work of one lane leaves a core idle.
side_by_side() {
  local lanes="$PORTAL_ROOT/.data/ci-lanes" names=("$1" "$3") pids=() rcs=()
  local t=$SECONDS
  mkdir -p "$lanes"
  log "── side by side: $1 | $3"
  "$2" >"$lanes/$1.log" 2>&1 &
  pids+=($!)
  "$4" >"$lanes/$3.log" 2>&1 &
  pids+=($!)
  for i in 0 1; do
    rcs[i]=0
    wait "${pids[i]}" || rcs[i]=$?
  done
  log "   side by side: $1 | $3: $((SECONDS - t)) s"
  for i in 0 1; do
    log "── output of the lane: ${names[i]}"
    cat "$lanes/${names[i]}.log"
  done
  local failed=0
  for i in 0 1; do
    if ((rcs[i] != 0)); then
      log "FAILED: the lane ${names[i]} (exit ${rcs[i]}); its output is above"
      failed=1
    fi
  done
  return "$failed"
}

# Type check then build on one core; lint and formatting, single-threaded
# too, on the other.
types_and_build() {
  step "type check" yarn tsc
  step "production build" yarn build:all
}
style() {
  step "lint" yarn lint
  step "one version of each Backstage package" node scripts/check-backstage-versions.mjs
  step "formatting" yarn prettier --check .
}
side_by_side types-and-build types_and_build style style

step "unit and database tests" yarn test

# The journey suites spend most of their time waiting on servers, schedulers
# and browsers (the reliability suite used 156 s of CPU in 362 s), so they
# run in two lanes: the e2e journeys and then the reliability suite (both
# use the Alertmanager port 9093 and the installed bundle), beside the
# embedded default on ports of its own (frontend 3300, backend 7307, loop
# 9590/9591/9593; it stops the servers it starts, the backends of each role
# included).
e2e_and_reliability() {
  step "e2e journeys" yarn test:e2e
  step "reliability: two replicas, PostgreSQL restart, killed scaffolder run" \
    yarn test:reliability
}
embedded_default() {
  step "e2e journeys, embedded default, one per role" \
    yarn playwright test -c e2e/embedded.config.ts
}
side_by_side e2e-and-reliability e2e_and_reliability \
  embedded-default embedded_default

log "All tests passed in $((SECONDS - started)) s."
