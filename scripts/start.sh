#!/usr/bin/env bash
# Starts the portal on this machine: the embedded default (SQLite files under
# .data/, the demo organisation, guest sign-in). Ctrl-C stops it.
#
#   scripts/start.sh
#
# Frontend on http://localhost:3000, backend on http://localhost:7007.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

bootstrap_toolchain
bootstrap_install
mkdir -p "$PORTAL_ROOT/.data/sqlite"

# Say where the portal is once it answers, without holding up the start.
(
  for _ in $(seq 1 180); do
    if curl -fs -o /dev/null http://localhost:7007/.backstage/health/v1/readiness &&
      curl -fs -o /dev/null http://localhost:3000; then
      log "The portal is up: http://localhost:3000 (sign in as guest: $(node "$PORTAL_ROOT/scripts/guest-user.mjs"))"
      exit 0
    fi
    sleep 1
  done
  log "The portal did not answer within 3 minutes; see the output above."
) &
readiness=$!

cd "$PORTAL_ROOT"
yarn start &
portal=$!
trap 'kill_tree $portal; kill_tree $readiness' EXIT
trap 'exit 130' INT TERM
wait $portal
