import { Config } from '@backstage/config';
import {
  ClaimResolution,
  parseClaimResolutions,
} from '@gogidix/plugin-oncall-common';

/** A source's address, credential and deadline. */
export interface SourceSettings {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

export interface DeliveryConfig {
  /** `delivery.demo`: the demo history through a GitHub stand-in. Never in production. */
  demo: boolean;
  lookbackDays: number;
  frequencyMinutes: number;
  environment: string;
  github?: SourceSettings;
  gitlab?: SourceSettings;
  /** `onCall.pagerDuty`, shared with the on-call plugin. */
  pagerDuty?: SourceSettings;
  /** `onCall.alertmanager`, shared with the on-call plugin. */
  alertmanager?: { baseUrl: string; serviceLabel: string; timeoutMs: number };
  /** `gogidix.claims`: who holds a value two owners claim. */
  claims: ClaimResolution[];
  /** `delivery.targets`: what the success-metric targets compare against. */
  targets: TargetSettings;
}

/** The shared-infrastructure SLOs a target reads, by config key. */
export type SharedSloKey =
  | 'apiGateway'
  | 'serviceMesh'
  | 'monitoring'
  | 'ciCd'
  | 'backups';

export interface TargetSettings {
  /** The period before the platform the reductions compare against. */
  baseline?: { from: string; to: string };
  /** The SLO (a component and its SLO's name) each shared target reads. */
  slos: Partial<Record<SharedSloKey, { entityRef: string; slo: string }>>;
}

const SHARED_SLO_KEYS: SharedSloKey[] = [
  'apiGateway',
  'serviceMesh',
  'monitoring',
  'ciCd',
  'backups',
];

function readTargetSettings(config: Config | undefined): TargetSettings {
  const settings: TargetSettings = { slos: {} };
  const baseline = config?.getOptionalConfig('baseline');
  if (baseline) {
    const day = (key: 'start' | 'end') => {
      const value = baseline.getString(key);
      const ms = Date.parse(
        /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value,
      );
      if (Number.isNaN(ms)) {
        throw new Error(
          `delivery.targets.baseline.${key} must be a date, e.g. 2026-01-01, not "${value}"`,
        );
      }
      return new Date(ms).toISOString();
    };
    const from = day('start');
    const to = day('end');
    if (to <= from) {
      throw new Error(
        'delivery.targets.baseline.end must be after delivery.targets.baseline.start',
      );
    }
    settings.baseline = { from, to };
  }
  const slos = config?.getOptionalConfig('slos');
  for (const key of SHARED_SLO_KEYS) {
    const slo = slos?.getOptionalConfig(key);
    if (slo) {
      settings.slos[key] = {
        entityRef: slo.getString('entityRef'),
        slo: slo.getString('slo'),
      };
    }
  }
  return settings;
}

/** The config keys an empty page names, so people know what to set. */
export const DELIVERY_CONFIG_KEYS = {
  github: 'delivery.github.token',
  gitlab: 'delivery.gitlab.token',
  pagerDuty: 'onCall.pagerDuty.token',
  alertmanager: 'onCall.alertmanager.baseUrl',
} as const;

const DEFAULT_LOOKBACK_DAYS = 90;
// PagerDuty answers a `since`..`until` range of at most six months.
const MAX_LOOKBACK_DAYS = 180;
const DEFAULT_TIMEOUT_MS = 10_000;
const ONCALL_TIMEOUT_MS = 5000;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Read once at start-up; a wrong value fails the backend with the key's
 * name. `env` is the process environment, to refuse demo data in production.
 */
export function readDeliveryConfig(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): DeliveryConfig {
  const delivery = config.getOptionalConfig('delivery');
  const demo = delivery?.getOptionalBoolean('demo') ?? false;
  if (demo && env.NODE_ENV === 'production') {
    throw new Error(
      'delivery.demo is on under NODE_ENV=production: it serves made-up deployments and incidents. Remove delivery.demo (app-config.production.yaml sets it to false) and configure delivery.github or delivery.gitlab, and onCall.pagerDuty',
    );
  }
  const lookbackDays =
    delivery?.getOptionalNumber('lookbackDays') ?? DEFAULT_LOOKBACK_DAYS;
  if (
    !Number.isInteger(lookbackDays) ||
    lookbackDays < 1 ||
    lookbackDays > MAX_LOOKBACK_DAYS
  ) {
    throw new Error(
      `delivery.lookbackDays must be a whole number of days from 1 to ${MAX_LOOKBACK_DAYS}, not ${lookbackDays}`,
    );
  }
  const frequencyMinutes =
    delivery?.getOptionalNumber('frequencyMinutes') ?? 15;
  if (!(frequencyMinutes >= 1)) {
    throw new Error('delivery.frequencyMinutes must be at least 1');
  }
  const environment =
    delivery?.getOptionalString('environment') ?? 'production';
  if (!environment.trim()) {
    throw new Error('delivery.environment must not be empty');
  }
  const scm = (key: 'github' | 'gitlab', defaultUrl: string) => {
    const section = delivery?.getOptionalConfig(key);
    return (
      section && {
        baseUrl: trimSlash(section.getOptionalString('baseUrl') ?? defaultUrl),
        token: section.getString('token'),
        timeoutMs: section.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
      }
    );
  };
  const pd = config.getOptionalConfig('onCall.pagerDuty');
  const am = config.getOptionalConfig('onCall.alertmanager');
  return {
    demo,
    lookbackDays,
    frequencyMinutes,
    environment: environment.trim(),
    github: scm('github', 'https://api.github.com'),
    gitlab: scm('gitlab', 'https://gitlab.com/api/v4'),
    pagerDuty: pd && {
      baseUrl: trimSlash(
        pd.getOptionalString('baseUrl') ?? 'https://api.pagerduty.com',
      ),
      token: pd.getString('token'),
      timeoutMs: pd.getOptionalNumber('timeoutMs') ?? ONCALL_TIMEOUT_MS,
    },
    alertmanager: am && {
      baseUrl: trimSlash(am.getString('baseUrl')),
      serviceLabel: am.getOptionalString('serviceLabel') ?? 'service',
      timeoutMs: am.getOptionalNumber('timeoutMs') ?? ONCALL_TIMEOUT_MS,
    },
    targets: readTargetSettings(delivery?.getOptionalConfig('targets')),
    claims: parseClaimResolutions(
      (config.getOptionalConfigArray('gogidix.claims') ?? []).map(entry => ({
        annotation: entry.getString('annotation'),
        value: entry.getString('value'),
        owner: entry.getString('owner'),
      })),
    ),
  };
}
