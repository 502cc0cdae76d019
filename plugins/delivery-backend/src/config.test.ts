import { ConfigReader } from '@backstage/config';
import { readDeliveryConfig } from './config';

describe('readDeliveryConfig', () => {
  it('reads defaults, and PagerDuty and Alertmanager from the on-call config', () => {
    const settings = readDeliveryConfig(
      new ConfigReader({
        onCall: {
          pagerDuty: { token: 'pd-token' },
          alertmanager: { baseUrl: 'http://am:9093/' },
        },
        delivery: { github: { token: 'gh-token' } },
      }),
      {},
    );
    expect(settings).toMatchObject({
      demo: false,
      lookbackDays: 90,
      frequencyMinutes: 15,
      environment: 'production',
      github: { baseUrl: 'https://api.github.com', token: 'gh-token' },
      pagerDuty: { baseUrl: 'https://api.pagerduty.com', token: 'pd-token' },
      alertmanager: { baseUrl: 'http://am:9093', serviceLabel: 'service' },
    });
    expect(settings.gitlab).toBeUndefined();
  });

  it('refuses the demo under NODE_ENV=production', () => {
    const config = new ConfigReader({ delivery: { demo: true } });
    expect(() =>
      readDeliveryConfig(config, { NODE_ENV: 'production' }),
    ).toThrow(/delivery\.demo is on under NODE_ENV=production/);
    expect(readDeliveryConfig(config, { NODE_ENV: 'development' }).demo).toBe(
      true,
    );
  });

  it.each([0, 181, 1.5])('refuses lookbackDays %s', days => {
    expect(() =>
      readDeliveryConfig(
        new ConfigReader({ delivery: { lookbackDays: days } }),
        {},
      ),
    ).toThrow(
      /delivery\.lookbackDays must be a whole number of days from 1 to 180/,
    );
  });

  it('reads the targets: a baseline period and the shared SLOs', () => {
    const settings = readDeliveryConfig(
      new ConfigReader({
        delivery: {
          targets: {
            baseline: { start: '2026-01-01', end: '2026-03-01' },
            slos: {
              apiGateway: {
                entityRef: 'component:default/api-gateway',
                slo: 'availability',
              },
            },
          },
        },
      }),
      {},
    );
    expect(settings.targets).toEqual({
      baseline: {
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-03-01T00:00:00.000Z',
      },
      slos: {
        apiGateway: {
          entityRef: 'component:default/api-gateway',
          slo: 'availability',
        },
      },
    });
    expect(readDeliveryConfig(new ConfigReader({}), {}).targets).toEqual({
      slos: {},
    });
  });

  it.each([
    [{ start: 'soon', end: '2026-03-01' }, /baseline\.start must be a date/],
    [
      { start: '2026-03-01', end: '2026-01-01' },
      /baseline\.end must be after delivery\.targets\.baseline\.start/,
    ],
  ])('refuses the baseline %o', (baseline, message) => {
    expect(() =>
      readDeliveryConfig(
        new ConfigReader({ delivery: { targets: { baseline } } }),
        {},
      ),
    ).toThrow(message);
  });
});
