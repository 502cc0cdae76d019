import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  combineDelivery,
  computeDeliveryMetrics,
  DEFAULT_DELIVERY_JUDGEMENT,
  DeliveryEvents,
  DeliveryMetrics,
  DeliveryOverview,
  DeliveryPeriod,
  DeliverySourceState,
  deliveryDays,
  DeploymentEvent,
  EntityDelivery,
  ServiceDeliveryRow,
  TeamDeliveryRow,
} from '@gogidix/plugin-delivery-common';
import { TargetSettings } from '../config';
import { DeliveryStore } from '../database/DeliveryStore';
import { DeliveryCatalog, DeliveryComponent } from './deliveryCatalog';
import { readDeliveryHistory } from './deliveryHistory';
import { DeliveryRollups } from './DeliveryRollups';
import {
  readTargetFigures,
  successTargets,
  TargetReaders,
} from './platformTargets';
import {
  PipelineDeploymentReport,
  pipelineDeploymentEvent,
} from './pipelineReport';

const DAY_MS = 86_400_000;
/** How many recent deployments and incidents a service page lists. */
const RECENT = 20;
/** The periods the pages offer, whose rollups are kept current after each write. */
const PAGE_PERIODS_DAYS = [30, 90];

/** One row of the CSV export: a component's day with any event. */
export interface DeliveryExportRow {
  date: string;
  team: string;
  entityRef: string;
  deployments: number;
  failedDeployments: number;
  incidents: number;
}

/**
 * The `days` whole UTC days up to and including today, and the same number
 * of days before them.
 */
export function deliveryPeriods(
  days: number,
  now: Date,
): { period: DeliveryPeriod; previous: DeliveryPeriod } {
  const to =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) +
    DAY_MS;
  const from = to - days * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    period: { from: iso(from), to: iso(to), days },
    previous: { from: iso(from - days * DAY_MS), to: iso(from), days },
  };
}

/** Delivery per service, team and org, from the stored events. */
export class DeliveryService {
  private readonly rollups: DeliveryRollups;

  constructor(
    private readonly store: DeliveryStore,
    private readonly catalog: DeliveryCatalog,
    private readonly options: {
      /** The environment metrics count. */
      environment: string;
      sources: DeliverySourceState[];
      /** The success-metric targets; the overview has none without. */
      targets?: { settings: TargetSettings; readers: TargetReaders };
      now?: () => Date;
    },
  ) {
    this.rollups = new DeliveryRollups(store, options.environment);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Every team that owns a component, as full group refs. */
  async teams(): Promise<string[]> {
    const { components } = await this.catalog.targets();
    return [
      ...new Set(components.flatMap(c => (c.team ? [c.team] : []))),
    ].sort();
  }

  private async component(entityRef: string): Promise<DeliveryComponent> {
    const { components } = await this.catalog.targets();
    const found = components.find(c => c.entityRef === entityRef);
    if (!found) {
      throw new NotFoundError(`No component ${entityRef} in the catalog`);
    }
    return found;
  }

  /** How the shared compute judges events, and over which period. */
  private computeOptions(period: DeliveryPeriod) {
    return {
      ...DEFAULT_DELIVERY_JUDGEMENT,
      environment: this.options.environment,
      from: period.from,
      to: period.to,
    };
  }

  private history(
    entityRefs: string[],
    period: DeliveryPeriod,
    previous: DeliveryPeriod,
  ): Promise<DeliveryEvents> {
    return readDeliveryHistory(this.store, entityRefs, period, previous);
  }

  private isCounted(deployment: DeploymentEvent): boolean {
    return (
      deployment.environment.toLowerCase() ===
      this.options.environment.toLowerCase()
    );
  }

  async entityDelivery(
    entityRef: string,
    days: number,
  ): Promise<EntityDelivery> {
    const component = await this.component(entityRef);
    const { period, previous } = deliveryPeriods(days, this.now());
    const history = await this.history([entityRef], period, previous);
    const options = this.computeOptions(period);
    const newestFirst = <T>(items: T[], time: (item: T) => string) =>
      items
        .filter(i => time(i) >= period.from && time(i) < period.to)
        .sort((a, b) => time(b).localeCompare(time(a)))
        .slice(0, RECENT);
    return {
      entityRef,
      period,
      metrics: computeDeliveryMetrics(history, options),
      days: deliveryDays(history, options),
      deployments: newestFirst(
        history.deployments.filter(d => this.isCounted(d)),
        d => d.startedAt,
      ),
      incidents: newestFirst(history.incidents, i => i.triggeredAt),
      conflicts: component.conflicts,
      sources: this.options.sources,
    };
  }

  /** The teams shown with how many components each owns. */
  async teamList(
    shown: string[],
  ): Promise<Array<{ team: string; services: number }>> {
    const { components } = await this.catalog.targets();
    return shown.map(team => ({
      team,
      services: components.filter(c => c.team === team).length,
    }));
  }

  async overview(options: {
    days: number;
    shown: string[];
    /** Whose credentials read the cost and SLO figures of the targets. */
    credentials: BackstageCredentials;
  }): Promise<DeliveryOverview> {
    const { components } = await this.catalog.targets();
    const { period, previous } = deliveryPeriods(options.days, this.now());
    const shown = new Set(options.shown);
    const owned = components.filter(c => c.team && shown.has(c.team));
    // Each service's figures from its rollup (computed again where its
    // events changed): the same figures as judging the span's events here.
    const { services: byService, days: daysOf } = await this.rollups.servicesOf(
      owned.map(c => c.entityRef),
      period,
      previous,
    );
    const componentOf = new Map(owned.map(c => [c.entityRef, c]));
    const services: ServiceDeliveryRow[] = byService.map(s => ({
      entityRef: s.entityRef,
      name: componentOf.get(s.entityRef)!.name,
      team: componentOf.get(s.entityRef)!.team!,
      metrics: s.metrics,
    }));
    const teams: TeamDeliveryRow[] = options.shown.map(team => ({
      team,
      metrics: combineDelivery(
        byService.filter(s => componentOf.get(s.entityRef)!.team === team),
        period,
      ),
      services: owned.filter(c => c.team === team).length,
    }));
    const org = combineDelivery(byService, period);
    // Every day of the period, quiet ones included, as deliveryDays gives them.
    const days = deliveryDays(
      { deployments: [], incidents: [], alerts: [] },
      this.computeOptions(period),
    );
    for (const serviceDays of daysOf.values()) {
      for (const [index, deployments, failed, incidents] of serviceDays) {
        days[index].deployments += deployments;
        days[index].failedDeployments += failed;
        days[index].incidents += incidents;
      }
    }
    return {
      period,
      org,
      teams,
      services,
      days,
      ...(this.options.targets && {
        targets: await this.targets(
          this.options.targets,
          owned.map(c => c.entityRef),
          { period, org },
          options.credentials,
        ),
      }),
      sources: this.options.sources,
    };
  }

  /**
   * The success-metric targets of the services shown: delivery figures from
   * the store (over the baseline period too, when one is configured), cost
   * and shared-infrastructure SLIs from their plugins.
   */
  private async targets(
    targets: { settings: TargetSettings; readers: TargetReaders },
    entityRefs: string[],
    current: { period: DeliveryPeriod; org: DeliveryMetrics },
    credentials: BackstageCredentials,
  ) {
    const { settings, readers } = targets;
    let baseline;
    if (settings.baseline) {
      const days =
        (Date.parse(settings.baseline.to) -
          Date.parse(settings.baseline.from)) /
        DAY_MS;
      const period = { ...settings.baseline, days };
      const before = {
        from: new Date(Date.parse(period.from) - days * DAY_MS).toISOString(),
        to: period.from,
        days,
      };
      const history = await this.history(entityRefs, period, before);
      baseline = {
        period,
        metrics: computeDeliveryMetrics(history, this.computeOptions(period)),
      };
    }
    const figures = await readTargetFigures(
      readers,
      settings,
      current.period.days,
      credentials,
    );
    return successTargets({
      period: current.period,
      metrics: current.org,
      baseline,
      ...figures,
    });
  }

  async exportRows(options: {
    days: number;
    shown: string[];
  }): Promise<DeliveryExportRow[]> {
    const { components } = await this.catalog.targets();
    const { period } = deliveryPeriods(options.days, this.now());
    const shown = new Set(options.shown);
    const teamOf = new Map(
      components
        .filter(c => c.team && shown.has(c.team))
        .map(c => [c.entityRef, c.team!]),
    );
    const query = {
      entityRefs: [...teamOf.keys()],
      from: period.from,
      to: period.to,
    };
    const [deployments, incidents] = await Promise.all([
      this.store.deployments(query),
      this.store.incidents(query),
    ]);
    const history = {
      deployments: deployments.filter(d => this.isCounted(d)),
      incidents,
    };
    const rows = new Map<string, DeliveryExportRow>();
    const row = (entityRef: string, time: string) => {
      const date = time.slice(0, 10);
      const key = `${date} ${entityRef}`;
      if (!rows.has(key)) {
        rows.set(key, {
          date,
          team: teamOf.get(entityRef)!,
          entityRef,
          deployments: 0,
          failedDeployments: 0,
          incidents: 0,
        });
      }
      return rows.get(key)!;
    };
    for (const d of history.deployments) {
      const r = row(d.entityRef, d.startedAt);
      r.deployments += 1;
      if (d.status === 'failure') r.failedDeployments += 1;
    }
    for (const i of history.incidents) {
      row(i.entityRef, i.triggeredAt).incidents += 1;
    }
    return [...rows.values()].sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        a.team.localeCompare(b.team) ||
        a.entityRef.localeCompare(b.entityRef),
    );
  }

  /** Every deployment of a component started in `[from, to)`, any environment. */
  async deployments(
    entityRef: string,
    from: string,
    to: string,
  ): Promise<DeploymentEvent[]> {
    await this.component(entityRef);
    const start = Date.parse(from);
    const end = Date.parse(to);
    if (Number.isNaN(start)) {
      throw new InputError(
        'from must be an ISO 8601 date-time, e.g. 2026-12-01T00:00:00Z',
      );
    }
    if (Number.isNaN(end) || end <= start) {
      throw new InputError('to must be an ISO 8601 date-time after from');
    }
    if (end - start > 366 * DAY_MS) {
      throw new InputError('from and to may be at most 366 days apart');
    }
    return this.store.deployments({
      entityRefs: [entityRef],
      from: new Date(start).toISOString(),
      to: new Date(end).toISOString(),
    });
  }

  /**
   * Stores a deploy reported by a pipeline, as its own source: the same id
   * (component and run) reported again replaces it.
   */
  async reportDeployment(
    report: PipelineDeploymentReport,
  ): Promise<DeploymentEvent> {
    const { components } = await this.catalog.targets();
    const event = pipelineDeploymentEvent(
      report,
      components.map(c => c.entityRef),
    );
    await this.store.upsertDeployments([event]);
    await this.refreshRollups([event.entityRef]);
    return event;
  }

  /**
   * Computes the stale rollups of the pages' periods (all components when
   * none are named), so that the first page after a write does not wait.
   */
  async refreshRollups(entityRefs?: string[]): Promise<void> {
    const refs =
      entityRefs ??
      (await this.catalog.targets()).components.map(c => c.entityRef);
    for (const days of PAGE_PERIODS_DAYS) {
      const { period, previous } = deliveryPeriods(days, this.now());
      await this.rollups.servicesOf(refs, period, previous);
    }
  }
}
