import { AlertEvent, DeploymentEvent, IncidentEvent } from '../events';
import { DeliveryMetrics } from '../metrics';
import { judgeDelivery } from './judge';
import {
  combineDelivery,
  computeDeliveryMetrics,
  deliveryByService,
  deliveryDays,
} from './metrics';
import { DeliveryEvents } from './options';

// Every time in the generated histories is a whole minute after BASE, so the
// expected figures can be found by walking minute by minute.
const BASE = Date.parse('2026-03-01T00:00:00Z');
const DAY = 24 * 60;
const at = (minute: number) => new Date(BASE + minute * 60_000).toISOString();
const minuteOf = (iso: string) => (Date.parse(iso) - BASE) / 60_000;

// mulberry32: a small seeded generator, so a failing seed can be replayed.
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)];
  return { next, int, pick };
}

const SPAN = 36 * DAY;
const PERIOD = { fromMin: 20 * DAY, toMin: 34 * DAY };
const WITH_DEPLOYS = [
  'component:default/payments',
  'component:default/orders',
  'component:default/search',
  'component:default/quiet-deploys',
];
const INCIDENT_SERVICES = WITH_DEPLOYS.filter(s => !s.includes('quiet')).concat(
  'component:default/pager-only',
);

/**
 * A history with every case the metrics must handle: deploys with no
 * incidents (quiet-deploys), incidents with no deploy (pager-only),
 * overlapping incidents and alerts, rollbacks, deploys finishing at the same
 * minute, incidents just before a deploy finished and commits stamped after
 * it (clock skew), other environments, failed and in-progress deploys, open
 * incidents and incidents no alert saw.
 */
function generateHistory(seed: number): DeliveryEvents {
  const random = seeded(seed);
  const deployments: DeploymentEvent[] = [];
  const incidents: IncidentEvent[] = [];
  const alerts: AlertEvent[] = [];
  let commitCount = 0;

  for (const entityRef of WITH_DEPLOYS) {
    const own: DeploymentEvent[] = [];
    const shipped: { sha: string; committedAt: string }[] = [];
    const count = random.int(25, 50);
    for (let i = 0; i < count; i++) {
      const startMin = random.int(0, SPAN);
      const roll = random.next();
      let status: DeploymentEvent['status'] = 'in_progress';
      if (roll < 0.72) status = 'success';
      else if (roll < 0.87) status = 'failure';
      let finishMin = startMin + random.int(1, 40);
      const previous = own[own.length - 1];
      if (previous?.finishedAt && random.next() < 0.06) {
        finishMin = minuteOf(previous.finishedAt);
      }
      const commits = [];
      for (let c = random.int(0, 3); c > 0; c--) {
        if (shipped.length && random.next() < 0.3) {
          commits.push(random.pick(shipped));
          continue;
        }
        const committedMin =
          random.next() < 0.08
            ? finishMin + random.int(1, 3)
            : finishMin - random.int(0, 6 * DAY);
        const commit = {
          sha: `c${(commitCount += 1)}`,
          committedAt: at(committedMin),
        };
        shipped.push(commit);
        commits.push(commit);
      }
      const rollbackOf =
        own.length && random.next() < 0.08 ? random.pick(own).id : null;
      const envRoll = random.next();
      let environment = 'production';
      if (!rollbackOf && envRoll > 0.95) environment = 'PRODUCTION';
      else if (!rollbackOf && envRoll > 0.78) environment = 'staging';
      const deployment: DeploymentEvent = {
        id: `${entityRef}:d${String(i).padStart(2, '0')}`,
        source: 'github',
        entityRef,
        environment,
        status,
        sha: commits[0]?.sha ?? `head${i}`,
        startedAt: at(startMin),
        finishedAt: status === 'in_progress' ? null : at(finishMin),
        commits,
        rollbackOf,
      };
      own.push(deployment);
      deployments.push(deployment);
    }
  }

  for (const entityRef of INCIDENT_SERVICES) {
    const finished = deployments.filter(
      d => d.entityRef === entityRef && d.finishedAt,
    );
    const own: IncidentEvent[] = [];
    const count = random.int(12, 24);
    for (let i = 0; i < count; i++) {
      const roll = random.next();
      let triggerMin = random.int(0, SPAN);
      if (finished.length && roll < 0.4) {
        // Near a deploy, sometimes up to 4 minutes before it finished.
        triggerMin =
          minuteOf(random.pick(finished).finishedAt!) +
          (random.next() < 0.2 ? random.int(-4, -1) : random.int(0, 30 * 60));
      } else if (finished.length && roll < 0.5) {
        triggerMin =
          minuteOf(random.pick(finished).finishedAt!) +
          random.pick([24 * 60, 24 * 60 + 1, 2 * 60, 2 * 60 + 1]);
      } else if (own.length && roll < 0.65) {
        triggerMin = minuteOf(random.pick(own).triggeredAt) + random.int(0, 30);
      }
      const resolveRoll = random.next();
      let resolvedAt: string | null = at(triggerMin + random.int(0, 2000));
      if (resolveRoll < 0.12) resolvedAt = null;
      else if (resolveRoll < 0.16) resolvedAt = at(triggerMin - 1);
      const incident: IncidentEvent = {
        id: `${entityRef}:i${i}`,
        source: 'pagerduty',
        entityRef,
        title: `incident ${i}`,
        urgency: random.pick(['high', 'low'] as const),
        triggeredAt: at(triggerMin),
        acknowledgedAt: null,
        resolvedAt,
      };
      own.push(incident);
      incidents.push(incident);

      if (random.next() < 0.65) {
        // Mostly before the trigger, some beyond the lookback, some a few
        // minutes after it (clock skew).
        const startMin =
          random.next() < 0.1
            ? triggerMin + random.int(1, 3)
            : triggerMin - random.int(0, 7 * 60);
        const firings = random.next() < 0.3 ? 2 : 1;
        for (let f = 0; f < firings; f++) {
          const start = startMin + f * random.int(-60, 60);
          alerts.push({
            id: `${entityRef}:a${i}.${f}`,
            entityRef,
            alertname: 'ErrorBudgetBurn',
            severity: 'page',
            startsAt: at(start),
            endsAt: random.next() < 0.5 ? null : at(start + random.int(1, 90)),
          });
        }
      }
    }
    for (let n = 0; n < 4; n++) {
      const start = random.int(0, SPAN);
      alerts.push({
        id: `${entityRef}:noise${n}`,
        entityRef,
        alertname: 'ErrorBudgetBurn',
        severity: 'ticket',
        startsAt: at(start),
        endsAt: at(start + random.int(5, 600)),
      });
    }
  }
  return { deployments, incidents, alerts };
}

interface Settings {
  windowMin: number;
  skewMin: number;
  lookbackMin: number;
}

interface NaiveFigures {
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
function naiveFigures(
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
function naiveMedian(values: number[]): number | null {
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

const naiveValues = (f: NaiveFigures, days: number) => ({
  deploymentFrequency: f.successful / days,
  leadTimeHours: naiveMedian(f.leadTimes),
  changeFailureRate: f.judged ? f.failed / f.judged : null,
  timeToRestoreMinutes: naiveMedian(f.restore),
  timeToDetectMinutes: naiveMedian(f.detect),
  incidentCount: f.incidents,
});

const naiveSamples = (f: NaiveFigures) => ({
  deploymentFrequency: f.successful,
  leadTimeHours: f.leadTimes.length,
  changeFailureRate: f.judged,
  timeToRestoreMinutes: f.restore.length,
  timeToDetectMinutes: f.detect.length,
  incidentCount: f.incidents,
});

const METRICS = [
  'deploymentFrequency',
  'leadTimeHours',
  'changeFailureRate',
  'timeToRestoreMinutes',
  'timeToDetectMinutes',
  'incidentCount',
] as const;

const OPTION_SETS = [
  {
    name: 'defaults',
    options: {},
    windowMin: 1440,
    skewMin: 2,
    lookbackMin: 360,
  },
  {
    name: 'short window, no skew',
    options: {
      failureWindowHours: 2,
      clockSkewMinutes: 0,
      detectionLookbackHours: 1,
    },
    windowMin: 120,
    skewMin: 0,
    lookbackMin: 60,
  },
  {
    name: 'wide skew',
    options: { clockSkewMinutes: 5, detectionLookbackHours: 7 },
    windowMin: 1440,
    skewMin: 5,
    lookbackMin: 420,
  },
];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const CASES = SEEDS.flatMap(seed =>
  OPTION_SETS.map(set => [seed, set.name, set] as const),
);
const periodOptions = {
  from: at(PERIOD.fromMin),
  to: at(PERIOD.toMin),
};

describe('computeDeliveryMetrics against a minute-by-minute computation', () => {
  it.each(CASES)('seed %i, %s', (seed, _name, set) => {
    const events = generateHistory(seed);
    const metrics = computeDeliveryMetrics(events, {
      ...periodOptions,
      ...set.options,
    });
    const days = 14;
    const current = naiveFigures(events, PERIOD.fromMin, PERIOD.toMin, set);
    const previous = naiveFigures(
      events,
      PERIOD.fromMin - days * DAY,
      PERIOD.fromMin,
      set,
    );
    const now = naiveValues(current, days);
    const before = naiveValues(previous, days);
    const samples = naiveSamples(current);

    const mismatches: string[] = [];
    for (const metric of METRICS) {
      const actual = metrics[metric];
      const expected = {
        value: now[metric],
        previous: before[metric],
        sample: samples[metric],
      };
      const got = {
        value: actual.value,
        previous: actual.previous,
        sample: actual.sample,
      };
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        mismatches.push(
          `${metric}: got ${JSON.stringify(got)}, expected ${JSON.stringify(
            expected,
          )}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(metrics.openIncidents).toBe(current.open);
    expect(metrics.undetectedIncidents).toBe(current.undetected);
  });

  it('generates every case the metrics must handle', () => {
    const seen = {
      attributedDespiteSkew: 0,
      notAttributedBeyondSkew: 0,
      rolledBack: 0,
      sameMinuteFinish: 0,
      commitAfterDeploy: 0,
      overlappingIncidents: 0,
      undetected: 0,
      detectedByLaterAlert: 0,
      open: 0,
      inProgress: 0,
      otherEnvironment: 0,
      incidentWithoutDeploy: 0,
    };
    for (const seed of SEEDS) {
      const events = generateHistory(seed);
      const judgement = judgeDelivery(events);
      const finish = new Map(
        judgement.deployments.map(d => [d.deployment.id, d.finishedMs]),
      );
      for (const incident of judgement.incidents) {
        if (
          incident.causedBy &&
          finish.get(incident.causedBy)! > incident.triggeredMs
        ) {
          seen.attributedDespiteSkew += 1;
        }
        const finishingSoonAfter = judgement.deployments.some(
          d =>
            d.deployment.entityRef === incident.incident.entityRef &&
            d.finishedMs - incident.triggeredMs === 3 * 60_000,
        );
        if (finishingSoonAfter) seen.notAttributedBeyondSkew += 1;
        if (incident.detectMinutes === null) seen.undetected += 1;
        if (incident.resolvedMs === null) seen.open += 1;
        if (incident.incident.entityRef.endsWith('pager-only')) {
          seen.incidentWithoutDeploy += 1;
        }
        const alertAfter = events.alerts.some(
          a =>
            a.entityRef === incident.incident.entityRef &&
            Date.parse(a.startsAt) > incident.triggeredMs &&
            Date.parse(a.startsAt) <= incident.triggeredMs + 2 * 60_000,
        );
        if (alertAfter && incident.detectMinutes === 0) {
          seen.detectedByLaterAlert += 1;
        }
        const overlapping = judgement.incidents.some(
          other =>
            other !== incident &&
            other.incident.entityRef === incident.incident.entityRef &&
            other.triggeredMs >= incident.triggeredMs &&
            (incident.resolvedMs === null ||
              other.triggeredMs < incident.resolvedMs),
        );
        if (overlapping) seen.overlappingIncidents += 1;
      }
      for (const d of judgement.deployments) {
        if (d.failures.includes('rolled-back')) seen.rolledBack += 1;
        if (
          judgement.deployments.some(
            o =>
              o !== d &&
              o.finishedMs === d.finishedMs &&
              o.deployment.entityRef === d.deployment.entityRef,
          )
        ) {
          seen.sameMinuteFinish += 1;
        }
      }
      for (const change of judgement.changes) {
        if (change.leadTimeHours === 0) seen.commitAfterDeploy += 1;
      }
      for (const d of events.deployments) {
        if (d.status === 'in_progress') seen.inProgress += 1;
        if (d.environment === 'staging') seen.otherEnvironment += 1;
      }
    }
    for (const [name, count] of Object.entries(seen)) {
      expect([name, count > 0]).toEqual([name, true]);
    }
  });
});

describe('services, teams and days', () => {
  it.each(SEEDS)('seed %i: a team pools its services', seed => {
    const events = generateHistory(seed);
    const services = deliveryByService(events, periodOptions);
    expect(services.map(s => s.entityRef)).toEqual(
      [...WITH_DEPLOYS, 'component:default/pager-only'].sort(),
    );
    const org = combineDelivery(services, services[0].period);
    expect(org).toEqual(computeDeliveryMetrics(events, periodOptions));

    const team = services.filter(s => !s.entityRef.includes('search'));
    const teamEvents: DeliveryEvents = {
      deployments: events.deployments.filter(
        d => !d.entityRef.includes('search'),
      ),
      incidents: events.incidents.filter(i => !i.entityRef.includes('search')),
      alerts: events.alerts.filter(a => !a.entityRef.includes('search')),
    };
    const expected: DeliveryMetrics = computeDeliveryMetrics(
      teamEvents,
      periodOptions,
    );
    expect(combineDelivery(team, services[0].period)).toEqual(expected);
    // Frequencies add up across services.
    const summed = team.reduce(
      (total, s) => total + s.metrics.deploymentFrequency.value!,
      0,
    );
    expect(expected.deploymentFrequency.value).toBeCloseTo(summed, 12);
  });

  it('refuses to pool services of different periods', () => {
    const events = generateHistory(1);
    const a = deliveryByService(events, periodOptions);
    const b = deliveryByService(events, { from: at(0), to: at(DAY) });
    expect(() => combineDelivery([a[0], b[1]], a[0].period)).toThrow(
      /was computed for/,
    );
  });

  it.each(SEEDS)('seed %i: days count what the period counts', seed => {
    const events = generateHistory(seed);
    const days = deliveryDays(events, periodOptions);
    expect(days).toHaveLength(14);
    expect(days[0].date).toBe('2026-03-21');
    const defaults = OPTION_SETS[0];
    for (const [index, day] of days.entries()) {
      const fromMin = PERIOD.fromMin + index * DAY;
      const naive = naiveFigures(events, fromMin, fromMin + DAY, defaults);
      expect(day).toEqual({
        date: day.date,
        deployments: naive.judged,
        failedDeployments: naive.failed,
        incidents: naive.incidents,
      });
    }
  });

  it('includes quiet days and the part of a partial day', () => {
    const deployment: DeploymentEvent = {
      id: 'd1',
      source: 'pipeline',
      entityRef: 'component:default/a',
      environment: 'production',
      status: 'success',
      sha: 'abc',
      startedAt: '2026-03-02T09:00:00Z',
      finishedAt: '2026-03-02T09:10:00Z',
      commits: [],
      rollbackOf: null,
    };
    const early = {
      ...deployment,
      id: 'd0',
      finishedAt: '2026-03-01T01:00:00Z',
    };
    expect(
      deliveryDays(
        { deployments: [early, deployment], incidents: [], alerts: [] },
        { from: '2026-03-01T12:00:00Z', to: '2026-03-03T06:00:00Z' },
      ),
    ).toEqual([
      {
        date: '2026-03-01',
        deployments: 0,
        failedDeployments: 0,
        incidents: 0,
      },
      {
        date: '2026-03-02',
        deployments: 1,
        failedDeployments: 0,
        incidents: 0,
      },
      {
        date: '2026-03-03',
        deployments: 0,
        failedDeployments: 0,
        incidents: 0,
      },
    ]);
  });
});
