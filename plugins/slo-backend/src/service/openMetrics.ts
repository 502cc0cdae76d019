import { InputError } from '@backstage/errors';
import { SliObservation } from '../database/SloStore';

/** Counter families that carry SLI observations, keyed by the `slo_id` label. */
export const GOOD_EVENTS = 'slo_good_events';
export const TOTAL_EVENTS = 'slo_events';

const FAMILIES: Record<string, 'good' | 'total' | undefined> = {
  [`${GOOD_EVENTS}_total`]: 'good',
  [`${TOTAL_EVENTS}_total`]: 'total',
};

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\}\s+(\S+)\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Reads SLI observations from OpenMetrics text: the `slo_good_events_total`
 * and `slo_events_total` counters with an `slo_id` label and a timestamp on
 * every sample. This is the format `promtool tsdb create-blocks-from
 * openmetrics` backfills, so the same file feeds Prometheus and the store.
 */
export function parseObservations(text: string): SliObservation[] {
  const byKey = new Map<string, SliObservation>();
  const lines = text.split('\n');
  let sawEof = false;
  lines.forEach((line, index) => {
    if (line === '' || line.startsWith('# TYPE') || line.startsWith('# HELP'))
      return;
    if (line === '# EOF') {
      sawEof = true;
      return;
    }
    const match = SAMPLE.exec(line);
    if (!match)
      throw new InputError(
        `OpenMetrics line ${index + 1} is not a sample: ${line}`,
      );
    const [, name, labelText, valueText, tsText] = match;
    const family = FAMILIES[name];
    if (!family) return;
    const labels = Object.fromEntries(
      [...labelText.matchAll(LABEL)].map(m => [m[1], m[2]]),
    );
    const value = Number(valueText);
    const ts = Number(tsText);
    if (!labels.slo_id || !Number.isFinite(value) || !Number.isFinite(ts)) {
      throw new InputError(
        `OpenMetrics line ${index + 1} needs slo_id, a value and a timestamp`,
      );
    }
    const key = `${labels.slo_id}@${ts}`;
    const observation = byKey.get(key) ?? {
      sloId: labels.slo_id,
      ts,
      good: NaN,
      total: NaN,
    };
    observation[family] = value;
    byKey.set(key, observation);
  });
  if (!sawEof) throw new InputError('OpenMetrics text must end with # EOF');
  const observations = [...byKey.values()];
  const incomplete = observations.find(
    o => Number.isNaN(o.good) || Number.isNaN(o.total),
  );
  if (incomplete) {
    throw new InputError(
      `slo_id ${incomplete.sloId} at ${incomplete.ts} has only one of ${GOOD_EVENTS}_total and ${TOTAL_EVENTS}_total`,
    );
  }
  return observations;
}

/** Writes observations as OpenMetrics text (families grouped, samples in time order). */
export function formatObservations(observations: SliObservation[]): string {
  const sorted = [...observations].sort((a, b) =>
    a.sloId === b.sloId ? a.ts - b.ts : a.sloId.localeCompare(b.sloId),
  );
  const family = (
    name: string,
    help: string,
    pick: (o: SliObservation) => number,
  ) => [
    `# TYPE ${name} counter`,
    `# HELP ${name} ${help}`,
    ...sorted.map(o => `${name}_total{slo_id="${o.sloId}"} ${pick(o)} ${o.ts}`),
  ];
  return [
    ...family(
      GOOD_EVENTS,
      'Good events (requests, or good timeslices) of an SLO.',
      o => o.good,
    ),
    ...family(
      TOTAL_EVENTS,
      'All events (requests, or timeslices) of an SLO.',
      o => o.total,
    ),
    '# EOF',
    '',
  ].join('\n');
}
