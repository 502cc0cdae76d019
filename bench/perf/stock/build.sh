#!/usr/bin/env bash
# Builds, or reuses, a stock Backstage of the portal's release: the app that
# `@backstage/create-app` generates, with its code unchanged, built for
# production and unpacked the way the portal's bundle is (README.md here).
#
#   bench/perf/stock/build.sh            prints the stock folder last
#
# The folder is outside the repository: PERF_STOCK_DIR, by default
# ~/.cache/gogidix-bench/stock-1.55.0. A second call with the same inputs
# (create-app version, the @backstage entries of the portal's yarn.lock, this
# script, Node) only checks the marker and prints the version comparison; the
# portal's own dependencies may change without a rebuild.
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/bootstrap.sh"
bootstrap_toolchain

CREATE_APP_VERSION=0.9.2
BACKSTAGE_RELEASE=1.55.0
STOCK_DIR="${PERF_STOCK_DIR:-$HOME/.cache/gogidix-bench/stock-$BACKSTAGE_RELEASE}"
APP_DIR="$STOCK_DIR/app"
PRODUCTION_DIR="$STOCK_DIR/production"
MARKER="$STOCK_DIR/build.json"

# Packages whose versions must be the portal's for the comparison to be fair.
COMPARED=(
  @backstage/backend-defaults
  @backstage/plugin-catalog-backend
  @backstage/plugin-permission-backend
  @backstage/plugin-app-backend
  @backstage/plugin-catalog
  @backstage/frontend-defaults
  @backstage/core-components
)

inputs_hash() {
  {
    echo "create-app $CREATE_APP_VERSION"
    # The portal's own patches (yarn patch: entries) never reach stock, so a
    # patch alone does not call for a new stock build.
    awk '/^"/ { keep = ($0 ~ /^"@backstage\// && $0 !~ /@patch:/) } keep' "$PORTAL_ROOT/yarn.lock"
    cat "${BASH_SOURCE[0]}"
    node --version
  } | sha256sum | cut -d' ' -f1
}

version_in() {
  node -p "require('$1/node_modules/$2/package.json').version" 2>/dev/null || echo -
}

# Stock's installed versions beside the portal's; a difference is reported,
# not fatal, so that the bench still runs and says so.
compare_versions() {
  local pkg stock portal differ=0
  printf '%-48s %-10s %-10s\n' package stock portal >&2
  for pkg in "${COMPARED[@]}"; do
    stock="$(version_in "$APP_DIR" "$pkg")"
    portal="$(version_in "$PORTAL_ROOT" "$pkg")"
    printf '%-48s %-10s %-10s%s\n' "$pkg" "$stock" "$portal" \
      "$([ "$stock" = "$portal" ] || echo '  DIFFERS')" >&2
    [ "$stock" = "$portal" ] || differ=1
  done
  [ "$differ" = 0 ] || log "WARNING: stock and portal resolve different versions (above)"
}

want="$(inputs_hash)"
if [ -f "$MARKER" ] && [ -d "$PRODUCTION_DIR/packages/backend" ] &&
  [ "$(node -p "require('$MARKER').inputs" 2>/dev/null)" = "$want" ]; then
  log "Stock Backstage $BACKSTAGE_RELEASE (create-app $CREATE_APP_VERSION) reused from $STOCK_DIR"
  compare_versions
  echo "$STOCK_DIR"
  exit 0
fi

started=$SECONDS
log "Generating stock Backstage with @backstage/create-app@$CREATE_APP_VERSION in $APP_DIR"
rm -rf "$APP_DIR" "$PRODUCTION_DIR" "$MARKER"
mkdir -p "$STOCK_DIR"
# BACKSTAGE_APP_NAME answers create-app's only prompt.
(cd "$STOCK_DIR" && BACKSTAGE_APP_NAME=stock npx --yes "@backstage/create-app@$CREATE_APP_VERSION" \
  --path "$APP_DIR" --skip-install)

# create-app cannot fetch its lock seed here, so its ranges would resolve to
# the newest releases. The portal's lock holds the same ranges (it came from
# the same create-app): yarn keeps the entries stock asks for and drops the rest.
cp "$PORTAL_ROOT/yarn.lock" "$APP_DIR/yarn.lock"
log "Installing stock's dependencies, seeded with the portal's yarn.lock"
(cd "$APP_DIR" && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn install)
compare_versions

log "Building stock for production (yarn tsc && yarn build:all)"
(cd "$APP_DIR" && yarn tsc && yarn build:all)

log "Unpacking stock's backend bundle into $PRODUCTION_DIR"
mkdir -p "$PRODUCTION_DIR"
for file in skeleton.tar.gz bundle.tar.gz; do
  tar xzf "$APP_DIR/packages/backend/dist/$file" -C "$PRODUCTION_DIR"
done
cp -r "$APP_DIR/.yarn" "$APP_DIR/.yarnrc.yml" "$PRODUCTION_DIR/"
cp "$APP_DIR"/app-config*.yaml "$PRODUCTION_DIR/"
(cd "$PRODUCTION_DIR" && yarn workspaces focus --all --production)

cat >"$MARKER" <<JSON
{
  "createApp": "$CREATE_APP_VERSION",
  "backstage": "$BACKSTAGE_RELEASE",
  "inputs": "$want",
  "buildSeconds": $((SECONDS - started)),
  "builtAt": "$(date -u +%FT%TZ)"
}
JSON
log "Stock Backstage built in $((SECONDS - started)) s"
echo "$STOCK_DIR"
