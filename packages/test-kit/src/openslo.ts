import { stringify } from 'yaml';

/** What the example SLOs let a test change. */
export interface ExampleSloOptions {
  name?: string;
  displayName?: string;
  service?: string;
  annotations?: Record<string, string>;
  /** The inline SLI's name. */
  indicatorName?: string;
  target?: number;
}

type Document = Record<string, unknown>;

const prometheus = (query: string) => ({
  metricSource: { type: 'Prometheus', spec: { query } },
});

/** An OpenSLO v1 SLO document around an inline SLI. */
function sloDocument(
  options: ExampleSloOptions,
  defaults: { name: string; indicatorName: string },
  indicator: Document,
  budget: Document,
): Document {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: options.name ?? defaults.name,
      ...(options.displayName ? { displayName: options.displayName } : {}),
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: {
      service: options.service ?? 'listings-service',
      indicator: {
        metadata: { name: options.indicatorName ?? defaults.indicatorName },
        spec: indicator,
      },
      ...budget,
    },
  };
}

/**
 * An OpenSLO v1 availability SLO (OpenSLO spec: kind SLO with an inline
 * ratioMetric SLI, Occurrences budgeting over a rolling window), by default
 * 99.9 % of listings-service's requests succeeding over 28 days.
 */
export function availabilitySlo(
  options: ExampleSloOptions & {
    good?: string;
    total?: string;
    /** A rolling time window; default 28d. */
    window?: string;
  } = {},
): Document {
  const service = options.service ?? 'listings-service';
  const requests = `http_requests_total{service="${service}"`;
  return sloDocument(
    options,
    { name: 'availability', indicatorName: 'listings-availability' },
    {
      ratioMetric: {
        counter: true,
        good: prometheus(
          options.good ?? `sum(rate(${requests},code!~"5.."}[{{.window}}]))`,
        ),
        total: prometheus(
          options.total ?? `sum(rate(${requests}}[{{.window}}]))`,
        ),
      },
    },
    {
      timeWindow: [{ duration: options.window ?? '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: options.target ?? 0.999 }],
    },
  );
}

/**
 * An OpenSLO v1 latency SLO (a thresholdMetric SLI, Timeslices budgeting
 * over a calendar month), by default p99 at most 0.3 s in 99 % of the
 * 5-minute slices.
 */
export function latencySlo(
  options: ExampleSloOptions & {
    query?: string;
    timeSliceWindow?: string;
    calendar?: { startTime: string; timeZone: string };
  } = {},
): Document {
  const service = options.service ?? 'listings-service';
  return sloDocument(
    options,
    { name: 'latency', indicatorName: 'listings-p99' },
    {
      thresholdMetric: prometheus(
        options.query ??
          `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="${service}"}[{{.window}}])))`,
      ),
    },
    {
      timeWindow: [
        {
          duration: '1M',
          isRolling: false,
          ...(options.calendar ? { calendar: options.calendar } : {}),
        },
      ],
      budgetingMethod: 'Timeslices',
      objectives: [
        {
          op: 'lte',
          value: 0.3,
          target: options.target ?? 0.99,
          timeSliceWindow: options.timeSliceWindow ?? '5m',
        },
      ],
    },
  );
}

/** Documents as one multi-document YAML text, as an openslo.yaml holds them. */
export function openSloYaml(...documents: Document[]): string {
  return documents.map(d => stringify(d)).join('---\n');
}
