import { countOf, DemoCounter, EventCounts } from './counters';
import { DemoSeries } from './series';

const escape = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(',')}}`;

/** The series of all counters, by metric family (a family is written once). */
function byFamily(counters: DemoCounter[]) {
  const families = new Map<
    string,
    { type: DemoSeries['type']; rows: Array<[DemoCounter, DemoSeries]> }
  >();
  for (const counter of counters) {
    for (const series of counter.series.series) {
      const entry = families.get(series.family) ?? {
        type: series.type,
        rows: [],
      };
      entry.rows.push([counter, series]);
      families.set(series.family, entry);
    }
  }
  return families;
}

const help = (name: string) =>
  `# HELP ${name} Counted by the demo SLO generator for the demo services.`;

/**
 * A scrape of every counter at `at`, in the Prometheus text format
 * (version 0.0.4) that Prometheus scrapes.
 */
export function scrapeText(counters: DemoCounter[], at: number): string {
  const values = new Map<DemoCounter, EventCounts>(
    counters.map(c => [c, c.valueAt(at)]),
  );
  const lines: string[] = [];
  for (const [family, { type, rows }] of byFamily(counters)) {
    // The text format names a counter by its sample name, a histogram by its base.
    const typeName = type === 'counter' ? rows[0][1].name : family;
    lines.push(help(typeName), `# TYPE ${typeName} ${type}`);
    for (const [counter, series] of rows) {
      lines.push(
        `${series.name}${labelText(series.labels)} ${countOf(
          values.get(counter)!,
          series.counts,
        )}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The counters' history from their start up to `to`, as OpenMetrics texts
 * with a timestamp on every sample: what `promtool tsdb
 * create-blocks-from openmetrics` backfills. One text per `windowSeconds`
 * (aligned to it), family by family, each series in time order: promtool
 * reads its whole input once per two-hour block, so a month in one file
 * takes minutes and a day per file seconds.
 */
export function* backfillTexts(
  counters: DemoCounter[],
  to: number,
  windowSeconds: number,
): Generator<{ from: number; text: string; samples: number }> {
  const history = new Map<DemoCounter, Array<[number, EventCounts]>>();
  for (const counter of counters) {
    const samples: Array<[number, EventCounts]> = [];
    counter.advance(to, (ts, counts) => samples.push([ts, counts]));
    history.set(counter, samples);
  }
  const starts = [...history.values()].flatMap(h =>
    h.length ? [h[0][0]] : [],
  );
  if (starts.length === 0) return;
  const first = Math.min(...starts);
  const families = byFamily(counters);
  for (
    let from = Math.floor(first / windowSeconds) * windowSeconds;
    from <= to;
    from += windowSeconds
  ) {
    const lines: string[] = [];
    let samples = 0;
    for (const [family, { type, rows }] of families) {
      lines.push(`# TYPE ${family} ${type}`, help(family));
      for (const [counter, series] of rows) {
        const prefix = `${series.name}${labelText(series.labels)} `;
        for (const [ts, counts] of history.get(counter)!) {
          if (ts < from || ts >= from + windowSeconds) continue;
          lines.push(`${prefix}${countOf(counts, series.counts)} ${ts}`);
          samples++;
        }
      }
    }
    lines.push('# EOF', '');
    yield { from, text: lines.join('\n'), samples };
  }
}
