#!/usr/bin/env bash
# SLO benchmark, one command from the repo root:
#   bench/slo/run.sh                 # store on SQLite
#   BENCH_PG=postgresql://postgres@127.0.0.1:5432/slo_bench bench/slo/run.sh
#   BENCH_PART=summary (or queries) runs one half
#   BENCH_PERMISSION_MS=100 what one batch of permission checks costs (assumed)
# Needs Debian's prometheus/promtool (scripts/bootstrap.sh: bootstrap_prometheus)
# and starts Prometheus on 127.0.0.1:7292 for the query-count part.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
bootstrap_prometheus
cd "$PORTAL_ROOT"
exec node node_modules/.bin/sucrase-node bench/slo/bench.ts
