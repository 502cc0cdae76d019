/**
 * One OpenSLO v1 document per service, in the form the SLO plugin reads
 * through the `gogidix.io/openslo` annotation (as demo/services/*: an SLO
 * with an inline ratio indicator whose queries use Sloth's `{{.window}}`).
 * Even services measure availability, odd ones latency.
 */
export function openSloDocument(service: { name: string; index: number }) {
  const { name, index } = service;
  const availability = index % 2 === 0;
  const good = availability
    ? `sum(rate(http_requests_total{service="${name}",code!~"5.."}[{{.window}}]))`
    : `sum(rate(http_request_duration_seconds_bucket{service="${name}",le="0.3"}[{{.window}}]))`;
  const total = availability
    ? `sum(rate(http_requests_total{service="${name}"}[{{.window}}]))`
    : `sum(rate(http_request_duration_seconds_count{service="${name}"}[{{.window}}]))`;
  const slo = availability ? 'availability' : 'latency';
  const target = availability ? [0.999, 0.9995, 0.99][index % 3] : 0.99;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${slo}
  displayName: ${availability ? 'Availability' : 'Latency'}
  annotations:
    gogidix.io/runbook: slo-${slo}-burn
spec:
  description: Requests to ${name} ${
    availability ? 'succeed' : 'are answered within 0.3s'
  }.
  service: ${name}
  indicator:
    metadata:
      name: ${name}-${slo}
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: ${good}
        total:
          metricSource:
            type: Prometheus
            spec:
              query: ${total}
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: ${availability ? 'Availability' : 'Answered within 0.3s'}
      target: ${target}
`;
}
