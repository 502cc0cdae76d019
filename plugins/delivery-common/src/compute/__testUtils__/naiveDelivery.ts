/**
 * The delivery figures found the slow way, to check the metrics against:
 * scanning minute by minute and every event, sharing no code with them.
 */
import { DeploymentEvent } from '../../events';
import { DeliveryEvents } from '../options';
import { minuteOf } from './deliveryHistory';

export interface Settings {
  windowMin: number;
  skewMin: number;
  lookbackMin: number;
}

export interface NaiveFigures {
  successful: number;
  judged: number;
  failed: number;
  leadTimes: number[];
  restore: number[];
  detect: number[];
  incidents: number;
  undetected: number;
  open: number;
}

const isProduction = (d: DeploymentEvent) =>
  d.environment.toLowerCase() === 'production';
const isFinished = (d: DeploymentEvent) =>
  d.status !== 'in_progress' && d.finishedAt !== null;

/** The same figures, found the slow way: scanning minutes and every event. */
export function naiveFigures(
  events: DeliveryEvents,
  fromMin: number,
  toMin: number,
  s: Settings,
): NaiveFigures {
  const inPeriod = (m: number) => m >= fromMin && m < toMin;
  const production = events.deployments.filter(
    d => isProduction(d) && isFinished(d),
  );

  // What finishes or starts at each minute of each service.
  const finishingAt = new Map<string, DeploymentEvent[]>();
  for (const d of production) {
    const key = `${d.entityRef}@${minuteOf(d.finishedAt!)}`;
    finishingAt.set(key, [...(finishingAt.get(key) ?? []), d]);
  }
  const alertStarts = new Set(
    events.alerts.map(a => `${a.entityRef}@${minuteOf(a.startsAt)}`),
  );

  const attributed = new Set<string>();
  for (const incident of events.incidents) {
    const trigger = minuteOf(incident.triggeredAt);
    for (let m = trigger + s.skewMin; m >= trigger - s.windowMin; m--) {
      const finishing = finishingAt.get(`${incident.entityRef}@${m}`) ?? [];
      if (finishing.length) {
        attributed.add(finishing.map(d => d.id).sort()[finishing.length - 1]);
        break;
      }
    }
  }

  const figures: NaiveFigures = {
    successful: 0,
    judged: 0,
    failed: 0,
    leadTimes: [],
    restore: [],
    detect: [],
    incidents: 0,
    undetected: 0,
    open: 0,
  };
  for (const d of production) {
    if (!inPeriod(minuteOf(d.finishedAt!))) continue;
    figures.judged += 1;
    if (d.status === 'success') figures.successful += 1;
    const rolledBack = events.deployments.some(o => o.rollbackOf === d.id);
    if (d.status === 'failure' || rolledBack || attributed.has(d.id)) {
      figures.failed += 1;
    }
  }

  const changes = new Set<string>();
  for (const d of production) {
    if (d.status !== 'success') continue;
    for (const c of d.commits) changes.add(`${d.entityRef} ${c.sha}`);
  }
  for (const change of changes) {
    const [entityRef, sha] = change.split(' ');
    let firstMin = Infinity;
    let committedMin = 0;
    for (const d of production) {
      const commit = d.commits.find(c => c.sha === sha);
      if (d.entityRef !== entityRef || d.status !== 'success' || !commit) {
        continue;
      }
      if (minuteOf(d.finishedAt!) < firstMin) {
        firstMin = minuteOf(d.finishedAt!);
        committedMin = minuteOf(commit.committedAt);
      }
    }
    if (inPeriod(firstMin)) {
      figures.leadTimes.push(Math.max(0, firstMin - committedMin) / 60);
    }
  }

  for (const incident of events.incidents) {
    const trigger = minuteOf(incident.triggeredAt);
    const resolved = incident.resolvedAt ? minuteOf(incident.resolvedAt) : null;
    if (resolved !== null && inPeriod(resolved)) {
      figures.restore.push(Math.max(0, resolved - trigger));
    }
    if (trigger < toMin && (resolved === null || resolved >= toMin)) {
      figures.open += 1;
    }
    if (!inPeriod(trigger)) continue;
    figures.incidents += 1;
    let detected: number | null = null;
    for (let m = trigger - s.lookbackMin; m <= trigger + s.skewMin; m++) {
      if (alertStarts.has(`${incident.entityRef}@${m}`)) {
        detected = Math.max(0, trigger - m);
        break;
      }
    }
    if (detected === null) figures.undetected += 1;
    else figures.detect.push(detected);
  }
  return figures;
}

/** The median by counting: the value with enough values at or below it. */
export function naiveMedian(values: number[]): number | null {
  if (!values.length) return null;
  const kth = (k: number) =>
    values.find(
      v =>
        values.filter(w => w < v).length <= k &&
        values.filter(w => w <= v).length > k,
    )!;
  const n = values.length;
  return n % 2 ? kth((n - 1) / 2) : (kth(n / 2 - 1) + kth(n / 2)) / 2;
}

export const naiveValues = (f: NaiveFigures, days: number) => ({
  deploymentFrequency: f.successful / days,
  leadTimeHours: naiveMedian(f.leadTimes),
  changeFailureRate: f.judged ? f.failed / f.judged : null,
  timeToRestoreMinutes: naiveMedian(f.restore),
  timeToDetectMinutes: naiveMedian(f.detect),
  incidentCount: f.incidents,
});

export const naiveSamples = (f: NaiveFigures) => ({
  deploymentFrequency: f.successful,
  leadTimeHours: f.leadTimes.length,
  changeFailureRate: f.judged,
  timeToRestoreMinutes: f.restore.length,
  timeToDetectMinutes: f.detect.length,
  incidentCount: f.incidents,
});
