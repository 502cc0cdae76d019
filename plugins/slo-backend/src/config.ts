import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_DEPLOY_POLICY,
  DeployPolicyError,
  parseErrorBudgetPolicy,
  SliSourceKind,
} from '@gogidix/plugin-slo-common';
import { DEFAULT_MAX_BODY_BYTES } from './service/router';

export interface SloConfig {
  appBaseUrl: string;
  /**
   * Where SLIs come from: Prometheus when `slo.prometheus` is set, the demo
   * history only when `slo.demo` asks for it, otherwise none.
   */
  sliSource: SliSourceKind;
  prometheus?: { baseUrl: string; timeoutMs: number };
  grafana?: { baseUrl: string; dashboardUid: string };
  snapshotMinutes: number;
  historyDays: number;
  /** `gogidix.http.maxRequestBytes`: the largest body, e.g. an OpenSLO document. */
  maxRequestBytes: number;
  /** The error-budget policy of services whose annotations name none. */
  deployGate: { defaultPolicy: string };
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
export function readSloConfig(config: Config): SloConfig {
  const slo = config.getOptionalConfig('slo');
  const positive = (key: string, fallback: number) => {
    const value = slo?.getOptionalNumber(key) ?? fallback;
    if (!(value > 0))
      throw new InputError(`slo config: ${key} must be a positive number`);
    return value;
  };
  const prometheus = slo?.getOptionalConfig('prometheus');
  const grafana = slo?.getOptionalConfig('grafana');
  // Demo figures only on request (app-config.yaml, the embedded default):
  // a portal that forgot slo.prometheus says so instead of inventing SLIs.
  const demo = slo?.getOptionalBoolean('demo') ?? false;
  let sliSource: SliSourceKind = 'none';
  if (prometheus) sliSource = 'prometheus';
  else if (demo) sliSource = 'demo';
  return {
    appBaseUrl: config.getString('app.baseUrl'),
    sliSource,
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
    maxRequestBytes: maxRequestBytes(config),
    deployGate: { defaultPolicy: defaultDeployPolicy(slo) },
  };
}

function defaultDeployPolicy(slo: Config | undefined): string {
  const text =
    slo?.getOptionalString('deployGate.defaultPolicy') ?? DEFAULT_DEPLOY_POLICY;
  try {
    parseErrorBudgetPolicy(text, 'slo.deployGate.defaultPolicy');
  } catch (error) {
    if (error instanceof DeployPolicyError) {
      throw new InputError(`slo config: ${error.message}`);
    }
    throw error;
  }
  return text;
}

function maxRequestBytes(config: Config): number {
  const key = 'gogidix.http.maxRequestBytes';
  const value = config.getOptionalNumber(key) ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `${key} must be a positive whole number, got ${value}`,
    );
  }
  return value;
}
