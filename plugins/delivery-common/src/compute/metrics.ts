import {
  DeliveryDay,
  DeliveryMetrics,
  DeliveryPeriod,
  MetricValue,
} from '../metrics';
import { doraBand, DoraMetric } from './bands';
import { DeliveryJudgement, judgeDelivery } from './judge';
import {
  DAY_MS,
  DeliveryEvents,
  DeliveryOptions,
  median,
  resolvePeriod,
} from './options';

/**
 * What one period's metrics are computed from. Samples of several services
 * pool into a team's or the org's figures (medians over all events, never
 * medians of medians).
 */
export interface DeliverySamples {
  /** Successful production deployments that finished in the period. */
  successfulDeployments: number;
  /** Finished production deployments (success or failure) in the period. */
  judgedDeployments: number;
  /** Of those, the failed changes. */
  failedDeployments: number;
  /** Lead time of each change first shipped in the period. */
  leadTimesHours: number[];
  /** Time to restore of each incident resolved in the period. */
  restoreMinutes: number[];
  /** Time to detect of each incident triggered in the period that an alert detected. */
  detectMinutes: number[];
  /** Incidents triggered in the period. */
  incidents: number;
  /** Incidents triggered in the period that no alert detected. */
  undetectedIncidents: number;
  /** Incidents triggered before the period's end and not resolved by then. */
  openIncidents: number;
}

/** One service's samples for the period and the one before, and its metrics. */
export interface ServiceDelivery {
  entityRef: string;
  period: DeliveryPeriod;
  current: DeliverySamples;
  previous: DeliverySamples;
  metrics: DeliveryMetrics;
}

const within = (ms: number, fromMs: number, toMs: number) =>
  ms >= fromMs && ms < toMs;

/** The samples of `[fromMs, toMs)` from judged events. */
export function deliverySamples(
  judgement: DeliveryJudgement,
  fromMs: number,
  toMs: number,
): DeliverySamples {
  const samples: DeliverySamples = {
    successfulDeployments: 0,
    judgedDeployments: 0,
    failedDeployments: 0,
    leadTimesHours: [],
    restoreMinutes: [],
    detectMinutes: [],
    incidents: 0,
    undetectedIncidents: 0,
    openIncidents: 0,
  };
  for (const judged of judgement.deployments) {
    if (!within(judged.finishedMs, fromMs, toMs)) continue;
    samples.judgedDeployments += 1;
    if (judged.deployment.status === 'success') {
      samples.successfulDeployments += 1;
    }
    if (judged.failures.length > 0) samples.failedDeployments += 1;
  }
  for (const change of judgement.changes) {
    if (within(change.deployedMs, fromMs, toMs)) {
      samples.leadTimesHours.push(change.leadTimeHours);
    }
  }
  for (const incident of judgement.incidents) {
    if (within(incident.triggeredMs, fromMs, toMs)) {
      samples.incidents += 1;
      if (incident.detectMinutes === null) samples.undetectedIncidents += 1;
      else samples.detectMinutes.push(incident.detectMinutes);
    }
    if (
      incident.resolvedMs !== null &&
      incident.restoreMinutes !== null &&
      within(incident.resolvedMs, fromMs, toMs)
    ) {
      samples.restoreMinutes.push(incident.restoreMinutes);
    }
    if (
      incident.triggeredMs < toMs &&
      (incident.resolvedMs === null || incident.resolvedMs >= toMs)
    ) {
      samples.openIncidents += 1;
    }
  }
  return samples;
}

const sum = <T>(items: readonly T[], value: (item: T) => number) =>
  items.reduce((total, item) => total + value(item), 0);

/** Adds samples of several services into one pool. */
export function poolSamples(all: readonly DeliverySamples[]): DeliverySamples {
  return {
    successfulDeployments: sum(all, s => s.successfulDeployments),
    judgedDeployments: sum(all, s => s.judgedDeployments),
    failedDeployments: sum(all, s => s.failedDeployments),
    leadTimesHours: all.flatMap(s => s.leadTimesHours),
    restoreMinutes: all.flatMap(s => s.restoreMinutes),
    detectMinutes: all.flatMap(s => s.detectMinutes),
    incidents: sum(all, s => s.incidents),
    undetectedIncidents: sum(all, s => s.undetectedIncidents),
    openIncidents: sum(all, s => s.openIncidents),
  };
}

interface Figure {
  value: number | null;
  sample: number;
}

function metricValue(
  current: Figure,
  previous: Figure,
  band: DoraMetric | null,
): MetricValue {
  const change =
    current.value !== null && previous.value !== null && previous.value !== 0
      ? (current.value - previous.value) / previous.value
      : null;
  return {
    value: current.value,
    previous: previous.value,
    change,
    band: band ? doraBand(band, current.value) : null,
    sample: current.sample,
  };
}

/**
 * The figures of one period. Counts are never null (no deployment is 0 per
 * day, rated low); medians and the failure rate are null with nothing to
 * compute them from.
 */
const figures = (samples: DeliverySamples, days: number) => ({
  deploymentFrequency: {
    value: samples.successfulDeployments / days,
    sample: samples.successfulDeployments,
  },
  leadTimeHours: {
    value: median(samples.leadTimesHours),
    sample: samples.leadTimesHours.length,
  },
  changeFailureRate: {
    value:
      samples.judgedDeployments > 0
        ? samples.failedDeployments / samples.judgedDeployments
        : null,
    sample: samples.judgedDeployments,
  },
  timeToRestoreMinutes: {
    value: median(samples.restoreMinutes),
    sample: samples.restoreMinutes.length,
  },
  timeToDetectMinutes: {
    value: median(samples.detectMinutes),
    sample: samples.detectMinutes.length,
  },
  incidentCount: { value: samples.incidents, sample: samples.incidents },
});

/** The metrics of a period from its samples and the previous period's. */
export function metricsFromSamples(
  current: DeliverySamples,
  previous: DeliverySamples,
  days: number,
): DeliveryMetrics {
  const now = figures(current, days);
  const before = figures(previous, days);
  return {
    deploymentFrequency: metricValue(
      now.deploymentFrequency,
      before.deploymentFrequency,
      'deploymentFrequency',
    ),
    leadTimeHours: metricValue(
      now.leadTimeHours,
      before.leadTimeHours,
      'leadTimeHours',
    ),
    changeFailureRate: metricValue(
      now.changeFailureRate,
      before.changeFailureRate,
      'changeFailureRate',
    ),
    timeToRestoreMinutes: metricValue(
      now.timeToRestoreMinutes,
      before.timeToRestoreMinutes,
      'timeToRestoreMinutes',
    ),
    timeToDetectMinutes: metricValue(
      now.timeToDetectMinutes,
      before.timeToDetectMinutes,
      null,
    ),
    incidentCount: metricValue(now.incidentCount, before.incidentCount, null),
    openIncidents: current.openIncidents,
    undetectedIncidents: current.undetectedIncidents,
  };
}

/**
 * The delivery metrics of the events over `[from, to)`, with the previous
 * period of equal length. Pass the events from the previous period's start
 * minus the failure window and detection lookback to `to` plus the failure
 * window: a deployment late in the period is judged by incidents after it.
 */
export function computeDeliveryMetrics(
  events: DeliveryEvents,
  options: DeliveryOptions,
): DeliveryMetrics {
  const { period, fromMs, toMs, previousFromMs } = resolvePeriod(options);
  const judgement = judgeDelivery(events, options);
  return metricsFromSamples(
    deliverySamples(judgement, fromMs, toMs),
    deliverySamples(judgement, previousFromMs, fromMs),
    period.days,
  );
}

/**
 * Each service's metrics, one entry per component named by any event,
 * sorted by entity ref.
 */
export function deliveryByService(
  events: DeliveryEvents,
  options: DeliveryOptions,
): ServiceDelivery[] {
  const { period, fromMs, toMs, previousFromMs } = resolvePeriod(options);
  const services = new Map<string, DeliveryEvents>();
  const eventsOf = (entityRef: string) => {
    let service = services.get(entityRef);
    if (!service) {
      service = { deployments: [], incidents: [], alerts: [] };
      services.set(entityRef, service);
    }
    return service;
  };
  for (const d of events.deployments) eventsOf(d.entityRef).deployments.push(d);
  for (const i of events.incidents) eventsOf(i.entityRef).incidents.push(i);
  for (const a of events.alerts) eventsOf(a.entityRef).alerts.push(a);

  return [...services.keys()].sort().map(entityRef => {
    const judgement = judgeDelivery(services.get(entityRef)!, options);
    const current = deliverySamples(judgement, fromMs, toMs);
    const previous = deliverySamples(judgement, previousFromMs, fromMs);
    return {
      entityRef,
      period,
      current,
      previous,
      metrics: metricsFromSamples(current, previous, period.days),
    };
  });
}

/**
 * A team's or the org's metrics from its services' (all of one period):
 * deployments per day add up, medians and the failure rate are over the
 * pooled events.
 */
export function combineDelivery(
  services: readonly ServiceDelivery[],
  period: DeliveryPeriod,
): DeliveryMetrics {
  for (const service of services) {
    if (
      service.period.from !== period.from ||
      service.period.to !== period.to
    ) {
      throw new RangeError(
        `${service.entityRef} was computed for ${service.period.from} to ${service.period.to}, not ${period.from} to ${period.to}`,
      );
    }
  }
  return metricsFromSamples(
    poolSamples(services.map(s => s.current)),
    poolSamples(services.map(s => s.previous)),
    period.days,
  );
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One entry per UTC day touching `[from, to)`, quiet days included:
 * finished production deployments (success or failure, as the failure rate
 * counts them), the failed changes among them, and incidents triggered.
 * Only events inside the period count, so a partial first or last day shows
 * its part.
 */
export function deliveryDays(
  events: DeliveryEvents,
  options: DeliveryOptions,
): DeliveryDay[] {
  const { fromMs, toMs } = resolvePeriod(options);
  return daysFromJudgement(judgeDelivery(events, options), fromMs, toMs);
}

/** `deliveryDays` of events already judged, over `[fromMs, toMs)`. */
export function daysFromJudgement(
  judgement: DeliveryJudgement,
  fromMs: number,
  toMs: number,
): DeliveryDay[] {
  const days: DeliveryDay[] = [];
  const firstDayMs = Date.parse(`${utcDay(fromMs)}T00:00:00Z`);
  for (let dayMs = firstDayMs; dayMs < toMs; dayMs += DAY_MS) {
    days.push({
      date: utcDay(dayMs),
      deployments: 0,
      failedDeployments: 0,
      incidents: 0,
    });
  }
  // UTC days are DAY_MS long, so the day is found by division.
  const dayOf = (ms: number) => days[Math.floor((ms - firstDayMs) / DAY_MS)];
  for (const judged of judgement.deployments) {
    if (!within(judged.finishedMs, fromMs, toMs)) continue;
    const day = dayOf(judged.finishedMs);
    day.deployments += 1;
    if (judged.failures.length > 0) day.failedDeployments += 1;
  }
  for (const incident of judgement.incidents) {
    if (!within(incident.triggeredMs, fromMs, toMs)) continue;
    dayOf(incident.triggeredMs).incidents += 1;
  }
  return days;
}
