import { ResolvedSlo } from '@gogidix/plugin-slo-common';

/** Which part of an SLO's events a series counts. */
export type EventPart = 'good' | 'bad' | 'total';

/** One exported time series: a counter (or histogram bucket) of one SLO's events. */
export interface DemoSeries {
  /** The metric family as OpenMetrics declares it (`http_requests`). */
  family: string;
  type: 'counter' | 'histogram';
  /** The sample name Prometheus stores (`http_requests_total`). */
  name: string;
  labels: Record<string, string>;
  counts: EventPart;
}

/** The series an SLO's queries read, and what its events are. */
export interface DemoSloSeries {
  slo: ResolvedSlo;
  series: DemoSeries[];
  /**
   * For a latency timeslice SLO, the quantile its threshold query takes:
   * a slice is bad when more than `1 - quantile` of its requests are slow.
   */
  quantile?: number;
}

interface Selector {
  name: string;
  matchers: Array<{ label: string; op: string; value: string }>;
}

const SELECTOR =
  /([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}\[\{\{\s*\.window\s*\}\}\]/g;
const MATCHER =
  /([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"/g;
const QUANTILE =
  /^histogram_quantile\(\s*([0-9.]+)\s*,\s*sum by \(le\) \(rate\(([a-zA-Z_:][a-zA-Z0-9_:]*)_bucket\{[^}]*\}\[\{\{\s*\.window\s*\}\}\]\)\)\)$/;

/**
 * Label values the demo services use, tried in order when a query selects
 * by something other than equality (`code!~"5.."`): the first value the
 * matcher accepts labels the good series, the first it rejects the bad.
 */
const LABEL_VALUES: Record<string, string[]> = {
  code: ['200', '503'],
  outcome: ['succeeded', 'failed'],
};

function selectors(query: string): Selector[] {
  return [...query.matchAll(SELECTOR)].map(m => ({
    name: m[1],
    matchers: [...m[2].matchAll(MATCHER)].map(x => ({
      label: x[1],
      op: x[2],
      value: x[3].replace(/\\(.)/g, '$1'),
    })),
  }));
}

function accepts(op: string, pattern: string, value: string): boolean {
  switch (op) {
    case '=':
      return value === pattern;
    case '!=':
      return value !== pattern;
    case '=~':
      return new RegExp(`^(?:${pattern})$`).test(value);
    default:
      return !new RegExp(`^(?:${pattern})$`).test(value);
  }
}

const equalities = (s: Selector) =>
  Object.fromEntries(
    s.matchers.filter(m => m.op === '=').map(m => [m.label, m.value]),
  );

const family = (name: string) => name.replace(/_(total|bucket|count)$/, '');

function single(slo: ResolvedSlo, query: string, what: string): Selector {
  const found = selectors(query);
  if (found.length !== 1) {
    throw new Error(
      `SLO ${slo.id}: the demo exporter needs one metric selector with [{{.window}}] in the ${what} query, found ${found.length}: ${query}`,
    );
  }
  return found[0];
}

/** Request SLOs: counters split by a label, or a histogram bucket over its count. */
function ratioSeries(slo: ResolvedSlo): DemoSeries[] {
  if (slo.indicator.kind !== 'ratio') return [];
  const part: EventPart = slo.indicator.good !== undefined ? 'good' : 'bad';
  const other: EventPart = part === 'good' ? 'bad' : 'good';
  const total = single(slo, slo.indicator.total, 'total');
  const subset = single(slo, (slo.indicator.good ?? slo.indicator.bad)!, part);
  if (subset.name === total.name) {
    const base = equalities(total);
    const extra = subset.matchers.filter(
      m =>
        !total.matchers.some(
          t => t.label === m.label && t.op === m.op && t.value === m.value,
        ),
    );
    const labels = [...new Set(extra.map(m => m.label))];
    if (labels.length !== 1) {
      throw new Error(
        `SLO ${slo.id}: the demo exporter splits ${total.name} by one label, the ${part} query adds ${labels.length}`,
      );
    }
    const [label] = labels;
    const candidates = [
      ...(LABEL_VALUES[label] ?? []),
      ...extra.filter(m => m.op === '=').map(m => m.value),
    ];
    const fits = (v: string) => extra.every(m => accepts(m.op, m.value, v));
    const inside = candidates.find(fits);
    const outside = candidates.find(v => !fits(v));
    if (inside === undefined || outside === undefined) {
      throw new Error(
        `SLO ${slo.id}: the demo exporter has no ${label} values to split ${total.name} by; add them to LABEL_VALUES`,
      );
    }
    const counter = (value: string, counts: EventPart): DemoSeries => ({
      family: family(total.name),
      type: 'counter',
      name: total.name,
      labels: { ...base, [label]: value },
      counts,
    });
    return [counter(inside, part), counter(outside, other)];
  }
  // A latency SLO: `_bucket{le="0.3"}` over `_count` of one histogram.
  const histogram = family(total.name);
  if (
    part !== 'good' ||
    subset.name !== `${histogram}_bucket` ||
    total.name !== `${histogram}_count` ||
    [...subset.matchers, ...total.matchers].some(m => m.op !== '=')
  ) {
    throw new Error(
      `SLO ${slo.id}: the demo exporter serves counters split by a label or a histogram's _bucket over its _count, not ${subset.name} over ${total.name}`,
    );
  }
  const labels = equalities(total);
  const bucket = (le: string, counts: EventPart): DemoSeries => ({
    family: histogram,
    type: 'histogram',
    name: `${histogram}_bucket`,
    labels: { ...labels, le },
    counts,
  });
  return [
    bucket(equalities(subset).le, 'good'),
    bucket('+Inf', 'total'),
    {
      family: histogram,
      type: 'histogram',
      name: `${histogram}_count`,
      labels,
      counts: 'total',
    },
  ];
}

/** Latency timeslice SLOs: a histogram whose quantile crosses the threshold in bad slices. */
function quantileSeries(slo: ResolvedSlo): DemoSloSeries {
  const { indicator } = slo;
  const match =
    indicator.kind === 'threshold' ? QUANTILE.exec(indicator.query) : null;
  if (
    indicator.kind !== 'threshold' ||
    !match ||
    (indicator.op !== 'lt' && indicator.op !== 'lte')
  ) {
    throw new Error(
      `SLO ${slo.id}: the demo exporter serves timeslice SLOs of the form histogram_quantile(q, sum by (le) (rate(x_bucket{…}[{{.window}}]))) < threshold`,
    );
  }
  const histogram = match[2];
  const labels = equalities(single(slo, indicator.query, 'threshold'));
  const bucket = (le: number | '+Inf', counts: EventPart): DemoSeries => ({
    family: histogram,
    type: 'histogram',
    name: `${histogram}_bucket`,
    labels: { ...labels, le: String(le) },
    counts,
  });
  return {
    slo,
    quantile: Number(match[1]),
    // A finite bucket above the threshold, so a slow slice's quantile is
    // interpolated above it rather than capped at it.
    series: [
      bucket(indicator.value, 'good'),
      bucket(indicator.value * 2, 'total'),
      bucket('+Inf', 'total'),
      {
        family: histogram,
        type: 'histogram',
        name: `${histogram}_count`,
        labels,
        counts: 'total',
      },
    ],
  };
}

/**
 * The series the demo exporter serves for an SLO: exactly the metric names
 * and labels its OpenSLO queries select, so that Prometheus evaluates the
 * document as written. Throws, naming the SLO, for a query shape it cannot
 * serve.
 */
export function demoSloSeries(slo: ResolvedSlo): DemoSloSeries {
  if (slo.timeslice) return quantileSeries(slo);
  return { slo, series: ratioSeries(slo) };
}
