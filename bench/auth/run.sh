#!/usr/bin/env bash
# Verifying a caller's token, one command from the repo root:
#   bench/auth/run.sh
# Environment: BENCH_CALLS (20000) authenticate() calls per round,
# BENCH_ROUNDS (5), BENCH_CALLERS (50) distinct users' tokens taken in turn.
# Prints authenticate() per second through Backstage's own auth service
# (uncached, the baseline) and through the portal's verified token cache,
# median and range over the rounds, and their ratio. See bench/README.md.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
cd "$PORTAL_ROOT"
exec node node_modules/.bin/sucrase-node bench/auth/bench.ts
