import { ConfigReader } from '@backstage/config';
import { readSloConfig } from './config';

const app = { app: { baseUrl: 'http://localhost:3000' } };

describe('readSloConfig', () => {
  it('has no SLI source unless one is configured, and the default rounds', () => {
    expect(readSloConfig(new ConfigReader(app))).toEqual({
      appBaseUrl: 'http://localhost:3000',
      sliSource: 'none',
      snapshotMinutes: 5,
      historyDays: 30,
      maxRequestBytes: 5 * 1024 * 1024,
      deployGate: { defaultPolicy: 'min-budget=0%; allow=fix,rollback' },
    });
  });

  it('reads the default deploy policy', () => {
    const slo = { deployGate: { defaultPolicy: 'min-budget=10%' } };
    expect(readSloConfig(new ConfigReader({ ...app, slo })).deployGate).toEqual(
      { defaultPolicy: 'min-budget=10%' },
    );
  });

  it.each([
    [{ demo: true }, 'demo'],
    [{ demo: false }, 'none'],
    // A configured Prometheus wins: the demo flag is the embedded default's
    // fallback when no local Prometheus runs.
    [
      { demo: true, prometheus: { baseUrl: 'http://127.0.0.1:9090' } },
      'prometheus',
    ],
  ])('takes the demo history only when asked (%j)', (slo, sliSource) => {
    expect(readSloConfig(new ConfigReader({ ...app, slo })).sliSource).toBe(
      sliSource,
    );
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
    expect(settings.sliSource).toBe('prometheus');
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
      { slo: { demo: 'maybe' } },
      "Unable to convert config value for key 'slo.demo'",
    ],
    [
      { gogidix: { http: { maxRequestBytes: -1 } } },
      'gogidix.http.maxRequestBytes must be a positive whole number, got -1',
    ],
    [
      { slo: { deployGate: { defaultPolicy: 'min-budget=ten%' } } },
      'slo config: slo.deployGate.defaultPolicy: min-budget must be a percentage',
    ],
  ])('names the key of a bad value (%j)', (config, message) => {
    expect(() =>
      readSloConfig(new ConfigReader({ ...app, ...config })),
    ).toThrow(message);
  });
});
