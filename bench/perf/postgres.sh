# The benchmark's own PostgreSQL cluster, sourced by bench/perf/run.sh.
#
# The machine's PostgreSQL is set up for CI (autovacuum off, see
# /etc/postgresql/*/main/conf.d). Without autovacuum nothing ever ANALYZEs the
# catalog's tables after the workload lands: the planner keeps the estimates
# of empty tables, and the catalog page's list query took 60 ms instead of
# 2 ms (EXPLAIN ANALYZE, 2026-11-27). No production PostgreSQL runs like that,
# so the bench measures both systems on a cluster of its own, made by initdb
# with PostgreSQL's defaults (autovacuum on, fsync and synchronous commit on,
# 128 MB shared buffers), fresh for every run, on the same disk as the
# machine's.

# start_bench_postgres: initdb and start the cluster, point PORTAL_TEST_PG at it.
start_bench_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -x "$bin/initdb" ] || die "initdb not found under /usr/lib/postgresql: install Debian's postgresql."
  BENCH_PG_BIN="$bin"
  BENCH_PG_DIR="${PERF_PG_DIR:-/var/tmp/gogidix-bench-postgres}"
  local port="${PERF_PG_PORT:-5439}"
  if [ -f "$BENCH_PG_DIR/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$BENCH_PG_DIR" status >/dev/null 2>&1; then
    die "Another bench run's PostgreSQL is running in $BENCH_PG_DIR: wait for it to end, or give this run its own PERF_PG_DIR and PERF_PG_PORT."
  fi
  rm -rf "$BENCH_PG_DIR"
  mkdir -p "$BENCH_PG_DIR"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$BENCH_PG_DIR"
  fi
  log "Starting the bench's own PostgreSQL ($(basename "$(dirname "$bin")"), initdb defaults) on 127.0.0.1:$port"
  as_postgres "$bin/initdb" -D "$BENCH_PG_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null ||
    die "initdb failed in $BENCH_PG_DIR"
  cat >>"$BENCH_PG_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$BENCH_PG_DIR'
CONF
  as_postgres "$bin/pg_ctl" -D "$BENCH_PG_DIR" -l "$BENCH_PG_DIR/server.log" -w -t 60 start >/dev/null ||
    die "the bench's PostgreSQL did not start: see $BENCH_PG_DIR/server.log"
  export PORTAL_TEST_PG="postgresql://postgres@127.0.0.1:$port"
}

# stop_bench_postgres: stop this run's cluster; its data goes with the next start.
stop_bench_postgres() {
  [ -n "${BENCH_PG_DIR:-}" ] && [ -f "$BENCH_PG_DIR/postmaster.pid" ] || return 0
  as_postgres "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_PG_DIR" -m fast -w stop >/dev/null 2>&1 || true
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
