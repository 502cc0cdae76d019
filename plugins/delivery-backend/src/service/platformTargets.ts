import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  DeliveryMetrics,
  DeliveryPeriod,
  deliveryMeasurements,
  evaluateTargets,
  PlatformMeasurements,
  PlatformTargetId,
  PlatformTargetResult,
  SuccessTarget,
} from '@gogidix/plugin-delivery-common';
import { SharedSloKey, TargetSettings } from '../config';

/** The shared-infrastructure SLO targets and their config keys. */
export const SHARED_SLO_TARGETS: Array<{
  id: PlatformTargetId;
  key: SharedSloKey;
  name: string;
}> = [
  { id: 'slo-api-gateway', key: 'apiGateway', name: 'API gateway' },
  { id: 'slo-service-mesh', key: 'serviceMesh', name: 'service mesh' },
  { id: 'slo-monitoring', key: 'monitoring', name: 'monitoring' },
  { id: 'slo-ci-cd', key: 'ciCd', name: 'CI/CD' },
  { id: 'slo-backups', key: 'backups', name: 'backups' },
];

/** A figure read from another plugin, or why there is none. */
export type Reading =
  | { value: number; detail: string }
  | { value: null; detail: string };

/** What the targets read from the cost and SLO plugins. */
export interface TargetReaders {
  /** The infrastructure cost over the last `days` days. */
  cost(days: number, credentials: BackstageCredentials): Promise<Reading>;
  /** The SLI of one SLO of a component, as the SLO plugin evaluates it now. */
  sli(
    entityRef: string,
    slo: string,
    credentials: BackstageCredentials,
  ): Promise<Reading>;
}

/** A target's figures, and where each comes from. */
export interface TargetInputs {
  period: DeliveryPeriod;
  metrics: DeliveryMetrics;
  /** The same services' metrics over the baseline period; absent without one. */
  baseline?: { period: DeliveryPeriod; metrics: DeliveryMetrics };
  cost: Reading;
  slis: Partial<Record<PlatformTargetId, Reading>>;
}

const NO_BASELINE =
  'no baseline period recorded (set delivery.targets.baseline.start and end)';

const day = (iso: string) => iso.slice(0, 10);

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The success targets as the org page shows them: each measured figure
 * against its goal. A reduction reads as the relative change against the
 * baseline (goal -40% for "40% faster"); a limit as the figure itself.
 */
export function successTargets(inputs: TargetInputs): SuccessTarget[] {
  const { period, metrics, baseline } = inputs;
  const measured: PlatformMeasurements = {
    ...deliveryMeasurements(metrics),
    'infrastructure-cost': inputs.cost.value,
  };
  const before: PlatformMeasurements = {};
  if (baseline) {
    const figures = deliveryMeasurements(baseline.metrics);
    // "Half as many incidents" compares periods of equal length.
    const scale = period.days / baseline.period.days;
    before['deployment-speed'] = figures['deployment-speed'];
    before.incidents =
      figures.incidents === null || figures.incidents === undefined
        ? null
        : figures.incidents * scale;
  }
  const details: Record<PlatformTargetId, string> = {
    'deployment-speed': '',
    'time-to-detect': `median over ${metrics.timeToDetectMinutes.sample} incidents a burn alert detected in the last ${period.days} days`,
    'time-to-restore': `median over ${metrics.timeToRestoreMinutes.sample} incidents resolved in the last ${period.days} days`,
    incidents: '',
    'infrastructure-cost': inputs.cost.detail,
    'slo-api-gateway': '',
    'slo-service-mesh': '',
    'slo-monitoring': '',
    'slo-ci-cd': '',
    'slo-backups': '',
  };
  for (const target of SHARED_SLO_TARGETS) {
    const reading = inputs.slis[target.id];
    measured[target.id] = reading?.value ?? null;
    details[target.id] = reading?.detail ?? '';
  }
  const baselineText = baseline
    ? `baseline ${day(baseline.period.from)} to ${day(baseline.period.to)}`
    : NO_BASELINE;
  const leadNow = metrics.leadTimeHours.value;
  const leadBefore = before['deployment-speed'];
  details['deployment-speed'] = `median lead time ${
    leadNow === null ? 'not measured' : `${round(leadNow)} h`
  } against ${
    baseline
      ? `${
          leadBefore === null || leadBefore === undefined
            ? 'no change shipped'
            : `${round(leadBefore)} h`
        } in the ${baselineText}`
      : NO_BASELINE
  }`;
  details.incidents = `${
    metrics.incidentCount.value ?? 0
  } incidents in the last ${period.days} days against ${
    baseline
      ? `${round(before.incidents ?? 0)} in as many days of the ${baselineText}`
      : NO_BASELINE
  }`;
  if (inputs.cost.value !== null) {
    details['infrastructure-cost'] = `${inputs.cost.detail}; ${
      baseline
        ? 'the cost plugin answers recent days only, so the cost of the baseline period is not known'
        : NO_BASELINE
    }`;
  }
  return evaluateTargets(measured, before).map(result =>
    successTarget(result, details[result.target.id]),
  );
}

function successTarget(
  result: PlatformTargetResult,
  detail: string,
): SuccessTarget {
  const { target, measured, baseline } = result;
  const { rule } = target;
  if (rule.kind === 'reduction') {
    const change =
      measured !== null && baseline !== null && baseline > 0
        ? (measured - baseline) / baseline
        : null;
    return {
      label: target.title,
      goal: -rule.by,
      unit: 'change',
      direction: 'atMost',
      measured: change,
      status: change === null ? 'no-data' : result.status,
      detail,
    };
  }
  return {
    label: target.title,
    goal: rule.limit,
    unit: target.unit === 'minutes' ? 'minutes' : 'ratio',
    direction: rule.kind === 'below' ? 'atMost' : 'atLeast',
    measured,
    status: measured === null ? 'no-data' : result.status,
    detail,
  };
}

/** Reads the whole SLI and cost readings a target set needs. */
export async function readTargetFigures(
  readers: TargetReaders,
  settings: TargetSettings,
  days: number,
  credentials: BackstageCredentials,
): Promise<Pick<TargetInputs, 'cost' | 'slis'>> {
  const slis: TargetInputs['slis'] = {};
  const [cost] = await Promise.all([
    readers.cost(days, credentials),
    ...SHARED_SLO_TARGETS.map(async target => {
      const configured = settings.slos[target.key];
      slis[target.id] = configured
        ? await readers.sli(configured.entityRef, configured.slo, credentials)
        : {
            value: null,
            detail: `no SLO named for ${target.name} (set delivery.targets.slos.${target.key})`,
          };
    }),
  ]);
  return { cost, slis };
}

/**
 * Reads the cost and SLO plugins' HTTP APIs with the user's own
 * credentials, so a figure the user may not read is not shown.
 */
export class PluginTargetReaders implements TargetReaders {
  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      fetch?: typeof fetch;
    },
  ) {}

  private async get(
    pluginId: string,
    path: string,
    credentials: BackstageCredentials,
  ): Promise<{ status: number; body: unknown }> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: pluginId,
    });
    const base = await this.deps.discovery.getBaseUrl(pluginId);
    const response = await (this.deps.fetch ?? fetch)(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      body: response.ok ? await response.json() : undefined,
    };
  }

  async cost(
    days: number,
    credentials: BackstageCredentials,
  ): Promise<Reading> {
    try {
      const { status, body } = await this.get(
        'cost',
        `/overview?days=${days}`,
        credentials,
      );
      if (status === 403) {
        return { value: null, detail: 'not allowed to read the cost overview' };
      }
      if (status !== 200) {
        return {
          value: null,
          detail: `the cost plugin answered ${status}`,
        };
      }
      const overview = body as {
        currency?: string;
        total?: { current?: unknown };
        from?: string;
        to?: string;
      };
      const total = overview.total?.current;
      if (typeof total !== 'number' || !Number.isFinite(total)) {
        return { value: null, detail: 'the cost overview has no total' };
      }
      return {
        value: total,
        detail: `${Math.round(total).toLocaleString('en')}${
          overview.currency ? ` ${overview.currency}` : ''
        } from ${overview.from} to ${overview.to} (cost plugin)`,
      };
    } catch (error) {
      return {
        value: null,
        detail: `the cost plugin could not be read: ${
          (error as Error).message
        }`,
      };
    }
  }

  async sli(
    entityRef: string,
    slo: string,
    credentials: BackstageCredentials,
  ): Promise<Reading> {
    const ref = parseEntityRef(entityRef);
    const path = `/entities/${[ref.kind, ref.namespace, ref.name]
      .map(encodeURIComponent)
      .join('/')}/status`;
    try {
      const { status, body } = await this.get('slo', path, credentials);
      if (status === 403) {
        return {
          value: null,
          detail: `not allowed to read the SLOs of ${entityRef}`,
        };
      }
      if (status === 404) {
        return {
          value: null,
          detail: `the SLO plugin knows no ${entityRef} (404)`,
        };
      }
      if (status !== 200) {
        return { value: null, detail: `the SLO plugin answered ${status}` };
      }
      const slos =
        (
          body as {
            slos?: Array<{
              slo?: { name?: string; timeWindow?: { duration?: string } };
              evaluation?: { sli?: unknown; at?: string };
            }>;
          }
        ).slos ?? [];
      const found = slos.find(s => s.slo?.name === slo);
      if (!found) {
        return { value: null, detail: `${entityRef} has no SLO named ${slo}` };
      }
      const sli = found.evaluation?.sli;
      if (typeof sli !== 'number' || !Number.isFinite(sli)) {
        return {
          value: null,
          detail: `the SLI of ${entityRef} ${slo} is missing (SLO plugin)`,
        };
      }
      const window = found.slo?.timeWindow?.duration;
      return {
        value: sli,
        detail: `SLI of ${entityRef} ${slo}${
          window ? ` over ${window}` : ''
        } (SLO plugin)`,
      };
    } catch (error) {
      return {
        value: null,
        detail: `the SLO plugin could not be read: ${(error as Error).message}`,
      };
    }
  }
}
