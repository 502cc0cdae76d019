import {
  daysFromJudgement,
  DEFAULT_DELIVERY_JUDGEMENT,
  DeliveryEvents,
  DeliveryPeriod,
  deliverySamples,
  judgeDelivery,
  metricsFromSamples,
  resolvePeriod,
  ServiceDelivery,
} from '@gogidix/plugin-delivery-common';
import {
  DeliveryStore,
  PeriodRollup,
  RollupDay,
  ServicePeriodFigures,
} from '../database/DeliveryStore';
import { readDeliveryHistory } from './deliveryHistory';

/** A period's services' figures, and each service's day counts. */
export interface ServicesOfPeriod {
  /** One entry per service with an event in the span, sorted by entity ref. */
  services: ServiceDelivery[];
  days: Map<string, RollupDay[]>;
}

/**
 * Each service's figures of a period, kept in the store between requests.
 * A stored rollup is used only while the service's events are unchanged
 * since it was computed (its version is the service's), so a page shows
 * every event written before the request, as the full computation would;
 * services written since are computed again, from the same events through
 * the same functions, and stored.
 */
export class DeliveryRollups {
  constructor(
    private readonly store: DeliveryStore,
    /** The environment metrics count. */
    private readonly environment: string,
  ) {}

  /** What the figures depend on besides the events: the period and the judgement. */
  private periodKey(period: DeliveryPeriod): string {
    const j = DEFAULT_DELIVERY_JUDGEMENT;
    return [
      period.from,
      period.to,
      this.environment.toLowerCase(),
      j.failureWindowHours,
      j.clockSkewMinutes,
      j.detectionLookbackHours,
    ].join(' ');
  }

  async servicesOf(
    entityRefs: string[],
    period: DeliveryPeriod,
    previous: DeliveryPeriod,
  ): Promise<ServicesOfPeriod> {
    const key = this.periodKey(period);
    // The versions before the events: a write after this makes the rollups
    // computed below stale, never wrongly current.
    const versions = await this.store.serviceVersions(entityRefs);
    const stored = await this.store.periodRollups(key, entityRefs);
    const versionOf = (entityRef: string) => versions.get(entityRef) ?? 0;
    const stale = entityRefs.filter(
      ref => stored.get(ref)?.version !== versionOf(ref),
    );
    if (stale.length > 0) {
      const history = await readDeliveryHistory(
        this.store,
        stale,
        period,
        previous,
      );
      const computed = this.compute(stale, history, period);
      await this.store.savePeriodRollups(
        { key, to: period.to },
        stale.map(entityRef => ({
          entityRef,
          version: versionOf(entityRef),
          figures: computed.get(entityRef) ?? null,
        })),
      );
      for (const entityRef of stale) {
        stored.set(entityRef, {
          entityRef,
          version: versionOf(entityRef),
          figures: computed.get(entityRef) ?? null,
        });
      }
    }
    const withEvents = [...stored.values()]
      .filter(
        (r): r is PeriodRollup & { figures: ServicePeriodFigures } =>
          r.figures !== null,
      )
      .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
    const { period: resolved } = resolvePeriod(period);
    return {
      services: withEvents.map(({ entityRef, figures }) => ({
        entityRef,
        period: resolved,
        current: figures.current,
        previous: figures.previous,
        metrics: metricsFromSamples(
          figures.current,
          figures.previous,
          resolved.days,
        ),
      })),
      days: new Map(withEvents.map(r => [r.entityRef, r.figures.days])),
    };
  }

  /** As `deliveryByService` and `deliveryDays` compute them, per service. */
  private compute(
    entityRefs: string[],
    events: DeliveryEvents,
    period: DeliveryPeriod,
  ): Map<string, ServicePeriodFigures> {
    const options = {
      ...DEFAULT_DELIVERY_JUDGEMENT,
      environment: this.environment,
      from: period.from,
      to: period.to,
    };
    const { fromMs, toMs, previousFromMs } = resolvePeriod(options);
    const byService = new Map<string, DeliveryEvents>(
      entityRefs.map(ref => [
        ref,
        { deployments: [], incidents: [], alerts: [] },
      ]),
    );
    const named = new Set<string>();
    for (const d of events.deployments) {
      byService.get(d.entityRef)?.deployments.push(d);
      named.add(d.entityRef);
    }
    for (const i of events.incidents) {
      byService.get(i.entityRef)?.incidents.push(i);
      named.add(i.entityRef);
    }
    for (const a of events.alerts) {
      byService.get(a.entityRef)?.alerts.push(a);
      named.add(a.entityRef);
    }
    const figures = new Map<string, ServicePeriodFigures>();
    for (const [entityRef, own] of byService) {
      if (!named.has(entityRef)) continue;
      const judgement = judgeDelivery(own, options);
      const days: RollupDay[] = [];
      daysFromJudgement(judgement, fromMs, toMs).forEach((day, index) => {
        if (day.deployments > 0 || day.incidents > 0) {
          days.push([
            index,
            day.deployments,
            day.failedDeployments,
            day.incidents,
          ]);
        }
      });
      figures.set(entityRef, {
        current: deliverySamples(judgement, fromMs, toMs),
        previous: deliverySamples(judgement, previousFromMs, fromMs),
        days,
      });
    }
    return figures;
  }
}
