#!/usr/bin/env bash
# Starts the portal on this machine: the embedded default (SQLite files under
# .data/, the demo organisation, guest sign-in). Ctrl-C stops it.
#
#   scripts/start.sh
#
# Frontend on http://localhost:3000, backend on http://localhost:7007.
# With Debian's Prometheus and Alertmanager installed (as root it installs
# them), the observability loop runs beside it (scripts/observability-loop.sh):
# the SLO pages read that Prometheus and /on-call that Alertmanager.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

bootstrap_toolchain
bootstrap_install
mkdir -p "$PORTAL_ROOT/.data/sqlite"

cd "$PORTAL_ROOT"
pids=()
trap 'for pid in "${pids[@]}"; do kill_tree "$pid"; done' EXIT
trap 'exit 130' INT TERM

observability_ports
# The embedded default's Alertmanager is the loop's: without the loop,
# /on-call says it is unreachable rather than that none is set up.
export APP_CONFIG_onCall_alertmanager_baseUrl="http://127.0.0.1:$PORTAL_ALERTMANAGER_PORT"
if observability_ready; then
  scripts/observability-loop.sh &
  pids+=($!)
  # The portal reads the loop from its first round: wait until it answers.
  prometheus="http://127.0.0.1:$PORTAL_PROMETHEUS_PORT"
  alertmanager="http://127.0.0.1:$PORTAL_ALERTMANAGER_PORT"
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$prometheus/-/ready" && curl -fs -o /dev/null "$alertmanager/-/ready" && break
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 1
  done
  if curl -fs -o /dev/null "$prometheus/-/ready"; then
    export APP_CONFIG_slo_prometheus_baseUrl="$prometheus"
  else
    log "The observability loop did not come up (logs in .data/observability); SLOs come from the demo feed."
  fi
fi

# Say where the portal is once it answers, without holding up the start.
(
  for _ in $(seq 1 180); do
    if curl -fs -o /dev/null http://localhost:7007/.backstage/health/v1/readiness &&
      curl -fs -o /dev/null http://localhost:3000; then
      log "The portal is up: http://localhost:3000 (sign in as guest: $(node "$PORTAL_ROOT/scripts/guest-user.mjs"))"
      exit 0
    fi
    sleep 1
  done
  log "The portal did not answer within 3 minutes; see the output above."
) &
readiness=$!
pids+=($readiness)

yarn start &
portal=$!
pids+=($portal)
wait $portal
