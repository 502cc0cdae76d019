/**
 * The demo organisation's observability: the deterministic SLI generator
 * behind the SLO demo feed, and the local loop (exporter, backfill, Sloth
 * rules, Prometheus and Alertmanager config) that scripts/start.sh runs.
 */
export * from './generator';
export * from './series';
export * from './counters';
export * from './exposition';
export * from './exporter';
export * from './demoSlos';
export * from './loopConfig';
export * from './loopFiles';
