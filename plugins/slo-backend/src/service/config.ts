import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

export interface SloSettings {
  appBaseUrl: string;
  prometheus?: { baseUrl: string; timeoutMs: number };
  grafana?: { baseUrl: string; dashboardUid: string };
  snapshotMinutes: number;
  historyDays: number;
}

function url(config: Config, key: string): string {
  const value = config.getString(key);
  try {
    return new URL(value).toString().replace(/\/$/, '');
  } catch {
    throw new InputError(
      `slo config: ${key} must be an absolute URL, got "${value}"`,
    );
  }
}

/** Reads and checks the `slo` section once at start-up. */
export function readSloSettings(config: Config): SloSettings {
  const slo = config.getOptionalConfig('slo');
  const positive = (key: string, fallback: number) => {
    const value = slo?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0))
      throw new InputError(`slo config: ${key} must be a positive number`);
    return value;
  };
  const prometheus = slo?.getOptionalConfig('prometheus');
  const grafana = slo?.getOptionalConfig('grafana');
  return {
    appBaseUrl: config.getString('app.baseUrl'),
    ...(prometheus
      ? {
          prometheus: {
            baseUrl: url(prometheus, 'baseUrl'),
            timeoutMs:
              (prometheus.getOptionalNumber('timeoutSeconds') ?? 10) * 1000,
          },
        }
      : {}),
    ...(grafana
      ? {
          grafana: {
            baseUrl: url(grafana, 'baseUrl'),
            dashboardUid:
              grafana.getOptionalString('dashboardUid') ?? 'slo-detail',
          },
        }
      : {}),
    snapshotMinutes: positive('snapshotMinutes', 5),
    historyDays: positive('historyDays', 30),
  };
}
