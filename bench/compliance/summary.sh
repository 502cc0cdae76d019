#!/usr/bin/env bash
# The compliance org page API at the perf workload's scale, one command from
# the repo root:
#   bench/compliance/summary.sh
# One round over 8,003 components on PostgreSQL (BENCH_PG, default the local
# server at 127.0.0.1:5432), then GET /summary and GET /summary?team=… from
# 10 concurrent callers (REQUESTS calls each endpoint, default 100; the
# router listens on BENCH_PORT, default 7370).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
cd "$PORTAL_ROOT"
exec node node_modules/.bin/sucrase-node bench/compliance/summary.ts
