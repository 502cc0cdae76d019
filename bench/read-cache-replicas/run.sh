#!/usr/bin/env bash
# The catalog read cache with two replicas, one command from the repo root:
#   bench/read-cache-replicas/run.sh
# Needs Redis at BENCH_REDIS_URL (redis://127.0.0.1:6379); uses a key
# namespace of its own and leaves nothing behind but keys that expire.
# Environment: BENCH_ROUNDS (5) rounds per side, BENCH_SECONDS (4) per round,
# BENCH_CONNECTIONS (20), BENCH_KEYS (200) distinct entities read,
# BENCH_CATALOG_MS (20) what one catalog answer costs, BENCH_WRITE_EVERY_MS
# (0: none) a write through replica b that often, BENCH_MAX_AGE_MS (2000).
# Prints catalog calls/s, reads/s and read latency (P50, P99) of each side,
# median and range over the rounds, and the shared tier's ratio to the
# per-replica caches (today's behaviour). See bench/README.md.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bootstrap.sh"
bootstrap_toolchain
bootstrap_install
cd "$PORTAL_ROOT"
exec node node_modules/.bin/sucrase-node bench/read-cache-replicas/bench.ts
