import { SloIndicator, SloTimeWindow } from './types';
import { durationSeconds } from './duration';
import { FieldProblem, isObject, Json, objectAt, stringAt } from './fields';

/*
 * The parts of an OpenSLO SLO that need more than reading a field: the
 * indicator's PromQL, the time window and the target. Each throws a
 * FieldProblem naming the path at fault.
 */

const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/;

export function promQuery(source: unknown, path: string, needsWindow: boolean) {
  if (!isObject(source)) throw new FieldProblem(path, 'must be an object');
  const metricSource = objectAt(source, 'metricSource', `${path}.metricSource`);
  const type = metricSource.type;
  if (type !== undefined && String(type).toLowerCase() !== 'prometheus') {
    throw new FieldProblem(
      `${path}.metricSource.type`,
      `"${String(type)}" is not supported; only Prometheus is`,
    );
  }
  const spec = objectAt(metricSource, 'spec', `${path}.metricSource.spec`);
  const query = stringAt(spec, 'query', `${path}.metricSource.spec.query`);
  if (needsWindow && !WINDOW_PLACEHOLDER.test(query)) {
    throw new FieldProblem(
      `${path}.metricSource.spec.query`,
      'must contain the range placeholder {{.window}} (e.g. rate(x[{{.window}}]))',
    );
  }
  return query;
}

export function resolveIndicator(
  spec: Json,
  path: string,
): SloIndicator | 'threshold' {
  if (isObject(spec.ratioMetric)) {
    const ratio = spec.ratioMetric;
    const rpath = `${path}.ratioMetric`;
    if ((ratio.good === undefined) === (ratio.bad === undefined)) {
      throw new FieldProblem(rpath, 'needs exactly one of good and bad');
    }
    const total = promQuery(ratio.total, `${rpath}.total`, true);
    return ratio.good !== undefined
      ? {
          kind: 'ratio',
          good: promQuery(ratio.good, `${rpath}.good`, true),
          total,
        }
      : {
          kind: 'ratio',
          bad: promQuery(ratio.bad, `${rpath}.bad`, true),
          total,
        };
  }
  if (isObject(spec.thresholdMetric)) return 'threshold';
  throw new FieldProblem(path, 'needs ratioMetric or thresholdMetric');
}

export function resolveTimeWindow(spec: Json): SloTimeWindow {
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
  const duration = stringAt(window, 'duration', 'spec.timeWindow[0].duration');
  if (window.isRolling === false || window.calendar !== undefined) {
    if (duration !== '1M') {
      throw new FieldProblem(
        'spec.timeWindow[0].duration',
        `calendar windows support "1M" (a calendar month), not "${duration}"`,
      );
    }
    const calendar = isObject(window.calendar) ? window.calendar : {};
    const timeZone = calendar.timeZone ?? 'UTC';
    if (timeZone !== 'UTC' && timeZone !== 'Etc/UTC') {
      throw new FieldProblem(
        'spec.timeWindow[0].calendar.timeZone',
        `only UTC calendars are supported, not "${String(timeZone)}"`,
      );
    }
    return { kind: 'calendar-month', duration: '1M', timeZone: 'UTC' };
  }
  const seconds = durationSeconds(duration);
  if (seconds === undefined || seconds < 86400) {
    throw new FieldProblem(
      'spec.timeWindow[0].duration',
      `"${duration}" is not a rolling window of whole days such as 28d or 30d`,
    );
  }
  return { kind: 'rolling', duration, seconds };
}

export function resolveTarget(objective: Json, path: string): number {
  const percent = objective.targetPercent;
  const target =
    objective.target ?? (typeof percent === 'number' ? percent / 100 : percent);
  if (target === undefined) {
    throw new FieldProblem(`${path}.target`, 'is required');
  }
  if (typeof target !== 'number' || !(target > 0 && target < 1)) {
    throw new FieldProblem(
      `${path}.target`,
      `must be a number between 0 and 1 (exclusive), got ${JSON.stringify(
        target,
      )}`,
    );
  }
  return target;
}
