#!/usr/bin/env bash
# Cost benchmark: FOCUS ingest into PostgreSQL vs raw COPY, and the team
# page's API latency. Usage: bench/cost/run.sh [rows]   (default 1,000,000)
# Perf workload: bench/cost/run.sh --perf <workload dir> [--fresh] imports the
# workload's FOCUS files once into database pcost_bench (kept; --fresh drops it)
# and times overview and savings for the organisation and one team, one at a
# time and 10 at a time (service calls, without HTTP and permission checks).
# Needs PostgreSQL (PORTAL_TEST_PG, default postgresql://postgres@127.0.0.1:5432) and psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bootstrap.sh
bootstrap_toolchain
exec node --require @backstage/cli/config/nodeTransform.cjs bench/cost/run.ts "$@"
