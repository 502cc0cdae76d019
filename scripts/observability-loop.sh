#!/usr/bin/env bash
# Runs the embedded default's observability loop until stopped: the demo
# services' metrics exporter, Debian's Prometheus (backfilled with the demo
# history, loading the Sloth rules of every demo SLO) and Debian's
# Alertmanager (page and ticket routes). scripts/start.sh runs it; see
# docs/observability-loop.md.
#
#   scripts/observability-loop.sh
#
# Ports (127.0.0.1): PORTAL_PROMETHEUS_PORT (9490), PORTAL_EXPORTER_PORT
# (9491), PORTAL_ALERTMANAGER_PORT (9493). Files and logs go to
# PORTAL_OBSERVABILITY_DIR (.data/observability); the Prometheus data there
# is generated afresh at every start.
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"

bootstrap_toolchain
observability_ready || exit 1
observability_ports
dir="${PORTAL_OBSERVABILITY_DIR:-$PORTAL_ROOT/.data/observability}"
mkdir -p "$dir"
loop=(node --require "$PORTAL_ROOT/node_modules/@backstage/cli/config/nodeTransform.cjs"
  "$PORTAL_ROOT/packages/demo-observability/src/main.ts")

log "Observability loop: generating the demo history and Sloth rules in $dir"
"${loop[@]}" prepare --dir "$dir" --services "$PORTAL_ROOT/demo/services" \
  --exporter "127.0.0.1:$PORTAL_EXPORTER_PORT" \
  --alertmanager "127.0.0.1:$PORTAL_ALERTMANAGER_PORT" \
  --interval "${PORTAL_OBSERVABILITY_INTERVAL:-15}" >&2

pids=()
trap 'for pid in "${pids[@]}"; do kill_tree "$pid"; done' EXIT
trap 'exit 130' INT TERM

"${loop[@]}" serve --dir "$dir" --services "$PORTAL_ROOT/demo/services" --listen "127.0.0.1:$PORTAL_EXPORTER_PORT" >"$dir/exporter.log" 2>&1 &
pids+=($!)
"$PORTAL_ALERTMANAGER" --config.file="$dir/alertmanager.yml" --storage.path="$dir/alertmanager" \
  --web.listen-address="127.0.0.1:$PORTAL_ALERTMANAGER_PORT" --cluster.listen-address= \
  >"$dir/alertmanager.log" 2>&1 &
pids+=($!)
# Retention beyond the 30-day SLO periods, or the backfilled month is dropped.
# Alerts firing before Prometheus has discovered Alertmanager are dropped and
# sent again only after the resend delay (1m by default): one interval here.
prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prometheus" \
  --storage.tsdb.retention.time=60d --web.listen-address="127.0.0.1:$PORTAL_PROMETHEUS_PORT" \
  --rules.alert.resend-delay="${PORTAL_OBSERVABILITY_INTERVAL:-15}s" \
  --web.external-url="http://127.0.0.1:$PORTAL_PROMETHEUS_PORT" \
  >"$dir/prometheus.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORTAL_PROMETHEUS_PORT/-/ready" &&
    curl -fs -o /dev/null "http://127.0.0.1:$PORTAL_ALERTMANAGER_PORT/-/ready"; then
    log "Observability loop up: Prometheus http://127.0.0.1:$PORTAL_PROMETHEUS_PORT, Alertmanager http://127.0.0.1:$PORTAL_ALERTMANAGER_PORT"
    break
  fi
  sleep 1
done
# One of them stopping ends the loop (and the trap stops the others).
wait -n "${pids[@]}"
log "The observability loop stopped; see the logs in $dir"
exit 1
