#!/usr/bin/env bash
# Compliance benchmark, one command from the repo root:
#   bench/compliance/run.sh
# One full round (fact collection from catalog, repositories on disk, Trivy
# reports and the SLO summary; evaluation; storing) for 1,000 generated
# components, on SQLite and on PostgreSQL (BENCH_PG, default the local
# server at 127.0.0.1:5432; BENCH_PG=none skips it).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
cd "$PORTAL_ROOT"
exec node node_modules/.bin/sucrase-node bench/compliance/bench.ts
