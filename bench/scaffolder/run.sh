#!/usr/bin/env bash
# End-to-end time to create a service (check, render, SLO rules, validate,
# publish, register) against a baseline template that only renders a
# skeleton, publishes and registers, in the same backend, alternating runs.
#
#   bench/scaffolder/run.sh [runs]      (default 5 of each)
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
bootstrap_prometheus
exec node "$PORTAL_ROOT/bench/scaffolder/run.mjs" "${1:-5}"
