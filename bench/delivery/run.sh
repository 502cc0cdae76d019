#!/usr/bin/env bash
# Delivery org page benchmark (issue 22), one command from the repo root:
#   bench/delivery/run.sh          # the delivery store on SQLite
#   bench/delivery/run.sh --pg     # a scratch database on 127.0.0.1:5432,
#                                  # created and dropped (BENCH_PG_URL)
# Environment: BENCH_RUNS (20) and BENCH_NAIVE_RUNS (3; 0 leaves the baseline out) timed runs per
# period, BENCH_SERVICES (1000), BENCH_TEAMS (60), BENCH_SEED (22);
# BENCH_NODE_OPTIONS is passed to Node (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
# Prints P50/P95/P99 of the page computed as the backend does and of a naive
# baseline, their ratio, and the memory one page takes. See bench/README.md.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
cd "$PORTAL_ROOT"
# shellcheck disable=SC2086
exec node --expose-gc ${BENCH_NODE_OPTIONS:-} node_modules/.bin/sucrase-node bench/delivery/bench.ts "$@"
