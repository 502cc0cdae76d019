import {
  BudgetingMethod,
  ResolvedSlo,
  SloIndicator,
  SloQueryForm,
  SloTimeWindow,
} from './types';
import {
  durationSeconds,
  parseDurationShorthand,
  prometheusDuration,
} from './duration';
import {
  FieldProblem,
  isObject,
  Json,
  objectAt,
  stringAt,
  UnsupportedDataSource,
} from './fields';
import { counterSelector } from './promql';
import { calendarPeriodSeconds, isTimeZone } from '../compute/calendar';

/*
 * The parts of an OpenSLO SLO that need more than reading a field: the
 * indicator's PromQL, the time window, the target and the time slices. Each
 * throws a FieldProblem naming the path at fault, in the spec's field names.
 */

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/;

/** `DataSource` documents of the same text, by name. */
export type DataSources = Map<string, Json>;

/**
 * The Prometheus query of a `metricSource`. Its type comes from `type` or,
 * failing that, from the DataSource its `metricSourceRef` names; any type
 * other than Prometheus (in any letter case) makes the SLO unqueryable.
 */
export function promQuery(
  source: unknown,
  path: string,
  dataSources: DataSources,
): string {
  if (!isObject(source)) throw new FieldProblem(path, 'must be an object');
  const metricSource = objectAt(source, 'metricSource', `${path}.metricSource`);
  let type = metricSource.type;
  let typePath = `${path}.metricSource.type`;
  if (type === undefined && metricSource.metricSourceRef !== undefined) {
    const ref = String(metricSource.metricSourceRef);
    const dataSource = dataSources.get(ref);
    if (!dataSource) {
      throw new FieldProblem(
        `${path}.metricSource.metricSourceRef`,
        `no DataSource named "${ref}" in this document; add it or give metricSource.type`,
      );
    }
    type = isObject(dataSource.spec) ? dataSource.spec.type : undefined;
    typePath = `${path}.metricSource.metricSourceRef`;
  }
  if (typeof type !== 'string' || type.trim() === '') {
    throw new FieldProblem(
      `${path}.metricSource.type`,
      'is required when metricSourceRef does not name a DataSource with a type',
    );
  }
  if (type.toLowerCase() !== 'prometheus') {
    throw new UnsupportedDataSource(typePath, type);
  }
  const spec = objectAt(metricSource, 'spec', `${path}.metricSource.spec`);
  return stringAt(spec, 'query', `${path}.metricSource.spec.query`);
}

const hasWindow = (query: string) => WINDOW_PLACEHOLDER.test(query);

/** An indicator whose threshold (`op`, `value`) is still to come from each objective. */
export interface PendingThreshold {
  kind: 'threshold-pending';
  query: string;
  form: SloQueryForm;
}

function ratioIndicator(
  ratio: Json,
  path: string,
  dataSources: DataSources,
): SloIndicator {
  if (ratio.raw !== undefined) {
    if (ratio.good !== undefined || ratio.bad !== undefined) {
      throw new FieldProblem(
        `${path}.raw`,
        'cannot be used together with good, bad or total',
      );
    }
    const rawType = ratio.rawType;
    if (rawType !== 'success' && rawType !== 'failure') {
      throw new FieldProblem(
        `${path}.rawType`,
        `must be success (the query gives good/total) or failure (bad/total), got ${JSON.stringify(
          rawType,
        )}`,
      );
    }
    const query = promQuery(ratio.raw, `${path}.raw`, dataSources);
    return {
      kind: 'raw',
      query,
      rawType,
      form: hasWindow(query) ? 'window-template' : 'gauge',
    };
  }
  if ((ratio.good === undefined) === (ratio.bad === undefined)) {
    throw new FieldProblem(path, 'needs exactly one of good and bad, or raw');
  }
  const numeratorKey = ratio.good !== undefined ? 'good' : 'bad';
  const queries: Array<[string, string]> = [
    [
      numeratorKey,
      promQuery(ratio[numeratorKey], `${path}.${numeratorKey}`, dataSources),
    ],
    ['total', promQuery(ratio.total, `${path}.total`, dataSources)],
  ];
  const templated = queries.filter(([, q]) => hasWindow(q));
  let form: SloQueryForm;
  if (templated.length > 0) {
    const plain = queries.find(([, q]) => !hasWindow(q));
    if (plain) {
      throw new FieldProblem(
        `${path}.${plain[0]}.metricSource.spec.query`,
        'must contain {{.window}} like the other query of this ratio, or neither may (then set counter)',
      );
    }
    form = 'window-template';
  } else if (ratio.counter === true) {
    form = 'counter';
    for (const entry of queries) {
      const selector = counterSelector(entry[1]);
      if (!selector) {
        throw new FieldProblem(
          `${path}.${entry[0]}.metricSource.spec.query`,
          'with counter: true the query must be a series selector such as http_requests_total{code!~"5.."} or sum(...) of one, so that the portal can apply increase() over each window; for anything else write the range yourself as [{{.window}}]',
        );
      }
      entry[1] = selector;
    }
  } else if (ratio.counter === undefined || ratio.counter === false) {
    // counter is false unless written (a plain boolean in the spec's own
    // Go SDK): values such as rate(x[5m]) are averaged over each window.
    form = 'gauge';
  } else {
    throw new FieldProblem(
      `${path}.counter`,
      `must be true (counters: the portal applies increase() over each window) or false (values it averages), got ${JSON.stringify(
        ratio.counter,
      )}`,
    );
  }
  const [[, numerator], [, total]] = queries;
  return numeratorKey === 'good'
    ? { kind: 'ratio', good: numerator, total, form }
    : { kind: 'ratio', bad: numerator, total, form };
}

export function resolveIndicator(
  spec: Json,
  path: string,
  dataSources: DataSources,
): SloIndicator | PendingThreshold {
  if (isObject(spec.ratioMetric) && spec.thresholdMetric !== undefined) {
    throw new FieldProblem(
      path,
      'has both ratioMetric and thresholdMetric; use one',
    );
  }
  if (isObject(spec.ratioMetric)) {
    return ratioIndicator(spec.ratioMetric, `${path}.ratioMetric`, dataSources);
  }
  if (isObject(spec.thresholdMetric)) {
    const query = promQuery(
      spec.thresholdMetric,
      `${path}.thresholdMetric`,
      dataSources,
    );
    return {
      kind: 'threshold-pending',
      query,
      form: hasWindow(query) ? 'window-template' : 'gauge',
    };
  }
  throw new FieldProblem(path, 'needs ratioMetric or thresholdMetric');
}

/** When `timeWindow` is left out (the spec makes it optional): Sloth's default period. */
export const DEFAULT_TIME_WINDOW: SloTimeWindow = {
  kind: 'rolling',
  duration: '30d',
  seconds: 30 * 86400,
};

const START_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

export function resolveTimeWindow(spec: Json): SloTimeWindow {
  if (spec.timeWindow === undefined || spec.timeWindow === null) {
    return DEFAULT_TIME_WINDOW;
  }
  const windows = spec.timeWindow;
  if (
    !Array.isArray(windows) ||
    windows.length !== 1 ||
    !isObject(windows[0])
  ) {
    throw new FieldProblem(
      'spec.timeWindow',
      'must be a list with exactly one window',
    );
  }
  const window = windows[0];
  const path = 'spec.timeWindow[0]';
  const duration = stringAt(window, 'duration', `${path}.duration`);
  const parsed = parseDurationShorthand(duration);
  if (!parsed) {
    throw new FieldProblem(
      `${path}.duration`,
      `"${duration}" is not a duration-shorthand (a positive whole number and one of m, h, d, w, M, Q, Y)`,
    );
  }
  const calendar = window.calendar;
  const rolling =
    window.isRolling === true ||
    (window.isRolling === undefined && calendar === undefined);
  if (rolling) {
    if (calendar !== undefined) {
      throw new FieldProblem(
        `${path}.calendar`,
        'a rolling window (isRolling: true) has no calendar; remove one of them',
      );
    }
    const seconds = durationSeconds(duration);
    if (seconds === undefined) {
      throw new FieldProblem(
        `${path}.duration`,
        `a rolling "${duration}" has no fixed length; write it in days or weeks (e.g. 30d, 4w) or make the window calendar-aligned`,
      );
    }
    if (seconds < 86400) {
      throw new FieldProblem(
        `${path}.duration`,
        `a rolling window of "${duration}" is shorter than a day; the burn-rate alerts look back up to 3 days`,
      );
    }
    return { kind: 'rolling', duration, seconds };
  }
  if (calendar !== undefined && !isObject(calendar)) {
    throw new FieldProblem(`${path}.calendar`, 'must be an object');
  }
  if (!['d', 'w', 'M', 'Q', 'Y'].includes(parsed.unit)) {
    throw new FieldProblem(
      `${path}.duration`,
      `a calendar-aligned window counts days, weeks, months, quarters or years, not "${duration}"`,
    );
  }
  const timeZone =
    isObject(calendar) && calendar.timeZone !== undefined
      ? calendar.timeZone
      : 'UTC';
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
    throw new FieldProblem(
      `${path}.calendar.timeZone`,
      `${JSON.stringify(
        timeZone,
      )} is not a time zone of the IANA database (e.g. UTC, Europe/London)`,
    );
  }
  let startTime: string | undefined;
  if (isObject(calendar) && calendar.startTime !== undefined) {
    const text =
      calendar.startTime instanceof Date
        ? calendar.startTime.toISOString().slice(0, 19)
        : String(calendar.startTime);
    const match = START_TIME.exec(text);
    if (!match) {
      throw new FieldProblem(
        `${path}.calendar.startTime`,
        `"${text}" is not a date and time such as 2026-01-01 00:00:00`,
      );
    }
    startTime = `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}:${
      match[6] ?? '00'
    }`;
  }
  return {
    kind: 'calendar',
    duration,
    timeZone,
    ...(startTime ? { startTime } : {}),
    seconds: calendarPeriodSeconds(parsed),
  };
}

/** `target` or `targetPercent`, as a fraction in [0, 1). */
export function resolveTarget(objective: Json, path: string): number {
  const { target, targetPercent } = objective;
  if (target !== undefined && targetPercent !== undefined) {
    throw new FieldProblem(
      `${path}.targetPercent`,
      'cannot be used together with target; keep one',
    );
  }
  if (target === undefined && targetPercent === undefined) {
    throw new FieldProblem(`${path}.target`, 'is required (or targetPercent)');
  }
  if (targetPercent !== undefined) {
    if (
      typeof targetPercent !== 'number' ||
      !(targetPercent >= 0 && targetPercent < 100)
    ) {
      throw new FieldProblem(
        `${path}.targetPercent`,
        `must be a number from 0 to under 100, got ${JSON.stringify(
          targetPercent,
        )}`,
      );
    }
    // Shift the decimal point in text: 99.95 / 100 is 0.9994999999999999.
    return Number(`${targetPercent}e-2`);
  }
  if (typeof target !== 'number' || !(target >= 0 && target < 1)) {
    throw new FieldProblem(
      `${path}.target`,
      `must be a number from 0 to under 1 (e.g. 0.999), got ${JSON.stringify(
        target,
      )}`,
    );
  }
  return target;
}

/** The slice for Timeslices and RatioTimeslices; a bare number is minutes. */
export function resolveTimeslice(
  objective: Json,
  path: string,
  method: BudgetingMethod,
  indicator: SloIndicator,
): ResolvedSlo['timeslice'] {
  if (method === 'Occurrences') return undefined;
  const raw = objective.timeSliceWindow ?? '1m';
  const text = typeof raw === 'number' ? `${raw}m` : String(raw);
  const seconds = durationSeconds(text);
  if (seconds === undefined || seconds < 60 || seconds > 3600 || seconds % 60) {
    throw new FieldProblem(
      `${path}.timeSliceWindow`,
      `must be whole minutes from 1m to 1h (a bare number is minutes), got ${JSON.stringify(
        raw,
      )}; the shortest burn-rate window is 5m and longer slices leave it without one`,
    );
  }
  const window = prometheusDuration(seconds);
  if (method === 'RatioTimeslices') return { window };
  const sliceTarget = objective.timeSliceTarget;
  if (sliceTarget === undefined && indicator.kind === 'threshold') {
    // Each slice is judged by the threshold itself.
    return { window };
  }
  if (
    typeof sliceTarget !== 'number' ||
    !(sliceTarget > 0 && sliceTarget <= 1)
  ) {
    throw new FieldProblem(
      `${path}.timeSliceTarget`,
      `Timeslices need a timeSliceTarget above 0 and at most 1, got ${JSON.stringify(
        sliceTarget,
      )}`,
    );
  }
  return { window, target: sliceTarget };
}
