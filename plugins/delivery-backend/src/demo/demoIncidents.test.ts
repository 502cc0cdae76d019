import { DEFAULT_DELIVERY_JUDGEMENT } from '@gogidix/plugin-delivery-common';
import { demoRepository } from './demoHistory';
import {
  DemoIncident,
  demoIncidents,
  demoIncidentStatusAt,
} from './demoIncidents';

const now = new Date('2026-12-07T12:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const payments = { serviceId: 'P8HD2XC', slug: 'payments/payments-service' };
const ms = (iso: string) => Date.parse(iso);

describe('the demo incident history', () => {
  const incidents = demoIncidents(payments, now, 90);
  // The deployments the demo GitHub serves for the same component.
  const deployments = demoRepository(payments.slug, now, 97).deployments;
  const windowMs = DEFAULT_DELIVERY_JUDGEMENT.failureWindowHours * HOUR;
  /** The deployment the metrics blame: the latest finished before the trigger. */
  const blamed = (i: DemoIncident) =>
    deployments
      .filter(
        d =>
          ms(d.finishedAt) <=
          ms(i.triggeredAt) +
            DEFAULT_DELIVERY_JUDGEMENT.clockSkewMinutes * 60_000,
      )
      .at(-1);

  it('has every case the metrics must handle', () => {
    const count = (cause: DemoIncident['cause']) =>
      incidents.filter(i => i.cause === cause).length;
    expect({
      deployment: count('deployment') >= 5,
      followOn: count('follow-on') >= 1,
      noDeployment: count('no-deployment') >= 2,
      // Deployments that broke nothing.
      quietDeployments:
        deployments.filter(d => !incidents.some(i => i.deploymentId === d.id))
          .length >= 20,
      failedDeploymentBroke: incidents.some(
        i =>
          deployments.find(d => d.id === i.deploymentId)?.outcome === 'failure',
      ),
    }).toEqual({
      deployment: true,
      followOn: true,
      noDeployment: true,
      quietDeployments: true,
      failedDeploymentBroke: true,
    });
  });

  it('follows the deployment it names, within the failure window, before the next', () => {
    const wrong = incidents
      .filter(i => i.deploymentId !== null)
      .filter(i => {
        const d = blamed(i);
        return (
          d?.id !== i.deploymentId ||
          ms(i.triggeredAt) <= ms(d.finishedAt) ||
          ms(i.triggeredAt) > ms(d.finishedAt) + windowMs
        );
      })
      .map(i => `${i.id} (${i.cause}) at ${i.triggeredAt}`);
    expect(wrong).toEqual([]);
  });

  it('has incidents no deployment within the failure window explains', () => {
    const explained = incidents
      .filter(i => i.cause === 'no-deployment')
      .filter(i => {
        const d = blamed(i);
        return (
          d !== undefined && ms(i.triggeredAt) <= ms(d.finishedAt) + windowMs
        );
      })
      .map(i => i.id);
    expect(explained).toEqual([]);
  });

  it('opens each follow-on while the incident before it is still open', () => {
    const lonely = incidents
      .filter(i => i.cause === 'follow-on')
      .filter(
        f =>
          !incidents.some(
            i =>
              i.cause === 'deployment' &&
              i.deploymentId === f.deploymentId &&
              ms(i.triggeredAt) < ms(f.triggeredAt) &&
              ms(f.triggeredAt) < ms(i.resolvedAt),
          ),
      )
      .map(f => f.id);
    expect(lonely).toEqual([]);
  });

  it('is triggered, then acknowledged, then resolved, in realistic times', () => {
    for (const i of incidents) {
      const ackMinutes = (ms(i.acknowledgedAt) - ms(i.triggeredAt)) / 60_000;
      const restoreMinutes = (ms(i.resolvedAt) - ms(i.triggeredAt)) / 60_000;
      expect([i.id, ackMinutes >= 1 && ackMinutes <= 15]).toEqual([i.id, true]);
      expect([i.id, restoreMinutes >= 11 && restoreMinutes <= 8 * 60]).toEqual([
        i.id,
        true,
      ]);
    }
    expect(new Set(incidents.map(i => i.id)).size).toBe(incidents.length);
    expect(incidents.every(i => /^P[0-9A-Z]{6}$/.test(i.id))).toBe(true);
  });

  it('is the same on every start, and an incident stays the same from day to day', () => {
    expect(demoIncidents(payments, now, 90)).toEqual(incidents);
    const tomorrow = demoIncidents(payments, new Date(now.getTime() + DAY), 90);
    const sinceTomorrow = tomorrow[0].triggeredAt;
    expect(tomorrow.filter(i => i.triggeredAt <= now.toISOString())).toEqual(
      incidents.filter(i => i.triggeredAt >= sinceTomorrow),
    );
  });

  it('only has incidents triggered by now, whose status follows the clock', () => {
    expect(incidents.every(i => ms(i.triggeredAt) <= now.getTime())).toBe(true);
    const [last] = incidents.slice(-1);
    const at = (offsetMs: number) =>
      demoIncidentStatusAt(last, new Date(ms(last.triggeredAt) + offsetMs))
        .status;
    expect([
      at(0),
      at(ms(last.acknowledgedAt) - ms(last.triggeredAt)),
      at(ms(last.resolvedAt) - ms(last.triggeredAt)),
    ]).toEqual(['triggered', 'acknowledged', 'resolved']);
  });

  it('gives a service with no repository only the incidents of no deployment', () => {
    const alone = demoIncidents({ serviceId: 'PQ3V8NB' }, now, 90);
    expect(alone.length).toBeGreaterThan(0);
    expect(alone.every(i => i.cause === 'no-deployment')).toBe(true);
  });
});
