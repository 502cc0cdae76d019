import { ConfigReader } from '@backstage/config';
import { readSloConfig } from './config';

const app = { app: { baseUrl: 'http://localhost:3000' } };

describe('readSloConfig', () => {
  it('falls back to the demo observations and the default rounds', () => {
    expect(readSloConfig(new ConfigReader(app))).toEqual({
      appBaseUrl: 'http://localhost:3000',
      snapshotMinutes: 5,
      historyDays: 30,
      maxRequestBytes: 5 * 1024 * 1024,
    });
  });

  it('reads Prometheus, Grafana and the request limit', () => {
    const settings = readSloConfig(
      new ConfigReader({
        ...app,
        gogidix: { http: { maxRequestBytes: 1024 } },
        slo: {
          prometheus: { baseUrl: 'http://prometheus:9090/', timeoutSeconds: 3 },
          grafana: { baseUrl: 'https://grafana.example/' },
        },
      }),
    );
    expect(settings.prometheus).toEqual({
      baseUrl: 'http://prometheus:9090',
      timeoutMs: 3000,
    });
    expect(settings.grafana).toEqual({
      baseUrl: 'https://grafana.example',
      dashboardUid: 'slo-detail',
    });
    expect(settings.maxRequestBytes).toBe(1024);
  });

  it.each([
    [
      { slo: { snapshotMinutes: 0 } },
      'slo config: snapshotMinutes must be a positive number',
    ],
    [
      { slo: { prometheus: { baseUrl: '//prometheus' } } },
      'slo config: baseUrl must be an absolute URL, got "//prometheus"',
    ],
    [
      { gogidix: { http: { maxRequestBytes: -1 } } },
      'gogidix.http.maxRequestBytes must be a positive whole number, got -1',
    ],
  ])('names the key of a bad value (%j)', (config, message) => {
    expect(() =>
      readSloConfig(new ConfigReader({ ...app, ...config })),
    ).toThrow(message);
  });
});
