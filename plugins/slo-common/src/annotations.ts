/** Entity annotation naming the component's OpenSLO document (see docs/annotations.md). */
export const OPENSLO_ANNOTATION = 'gogidix.io/openslo';
/** Entity annotation naming the folder of runbook Markdown files. */
export const RUNBOOKS_ANNOTATION = 'gogidix.io/runbooks';
/** Entity annotation with the Grafana dashboard tag query. */
export const GRAFANA_DASHBOARD_ANNOTATION = 'grafana/dashboard-selector';
