import { NotFoundError } from '@backstage/errors';
import {
  addDays,
  Attribution,
  CostAttributionIndex,
  CostOverview,
  CostSavings,
  dailySeries,
  EntityCost,
  monthEndForecast,
  periodChange,
  sortSavings,
  UNALLOCATED,
  allocationSavings,
  unownedResourceSavings,
} from '@gogidix/plugin-cost-common';
import { CostGroup, CostStore } from '../database/CostStore';
import { CostCatalog } from './catalogIndex';
import { CachedLoader } from '@gogidix/portal-node';
import { objectIdentity } from './objectIdentity';
import {
  AttributedCost,
  BASELINE_DAYS,
  costOverview,
  sumBy,
} from './costOverview';

/** Settings read once from `cost` config. */
export interface CostSettings {
  /** Monthly budget per team, in the billing currency. */
  budgets: Record<string, number>;
}

/** One row of the CSV export. */
export interface CostExportRow {
  date: string;
  team: string;
  system: string;
  service: string;
  entityRef: string;
  serviceCategory: string;
  cost: number;
}

/**
 * How long a computed result is reused. A new import, through this instance
 * or another, is seen on the next request (the key holds the data version);
 * a catalog change is seen once the catalog index is reloaded (the key holds
 * the index); anything else, such as the date the allocation window ends,
 * within this bound.
 */
export const COST_CACHE_MAX_AGE_MS = 60_000;
// Overviews per (days, team, caller scope), and the shared savings.
const COST_CACHE_MAX_RESULTS = 200;
// Attributed rows per window: up to a year of rows each, so only a few.
const COST_CACHE_MAX_WINDOWS = 8;

const SAVINGS_DAYS = 30;

function serviceLabel(index: CostAttributionIndex, a: Attribution): string {
  if (a.entityRef) {
    return index.component(a.entityRef)?.name ?? a.entityRef;
  }
  if (a.rule === 'contested') {
    return `${UNALLOCATED} (contested: ${a.reason})`;
  }
  return a.team === UNALLOCATED ? UNALLOCATED : `${a.team} (no service tag)`;
}

/** Reads stored cost and turns it into what the cost pages show. */
export class CostService {
  readonly #cache: CachedLoader<{}>;
  readonly #rows: CachedLoader<AttributedCost[]>;

  constructor(
    private readonly store: CostStore,
    private readonly catalog: CostCatalog,
    private readonly settings: CostSettings,
    private readonly today: () => string = () =>
      new Date().toISOString().slice(0, 10),
    options: { cacheMaxAgeMs?: number; now?: () => number } = {},
  ) {
    const maxAgeMs = options.cacheMaxAgeMs ?? COST_CACHE_MAX_AGE_MS;
    const { now } = options;
    this.#cache = new CachedLoader({
      ttlMs: maxAgeMs,
      maxEntries: COST_CACHE_MAX_RESULTS,
      now,
    });
    this.#rows = new CachedLoader({
      ttlMs: maxAgeMs,
      maxEntries: COST_CACHE_MAX_WINDOWS,
      now,
    });
  }

  /** What every cached result depends on besides its own parameters. */
  async #version(index: CostAttributionIndex): Promise<string> {
    return `${await this.store.dataVersion()}|${objectIdentity(
      index,
    )}|${this.today()}`;
  }

  /**
   * The window ends on the last day with charges, not today: billing
   * exports arrive a day or more late, and an empty last day would read as
   * a drop.
   */
  async #window(days: number) {
    const to = (await this.store.latestChargeDate()) ?? this.today();
    const from = addDays(to, -(days - 1));
    const previousFrom = addDays(from, -days);
    const monthStart = `${to.slice(0, 7)}-01`;
    const earliest = [
      previousFrom,
      addDays(from, -BASELINE_DAYS),
      monthStart,
    ].sort()[0];
    return { to, from, previousFrom, earliest };
  }

  /**
   * Every caller's rows, shared: filter them to the caller's teams after.
   * Callers must not change the rows.
   */
  async #attributed(from: string, to: string): Promise<AttributedCost[]> {
    const index = await this.catalog.index();
    const version = await this.#version(index);
    return this.#rows.get(`attributed|${from}|${to}|${version}`, () =>
      this.#attribute(from, to, index),
    );
  }

  async #attribute(
    from: string,
    to: string,
    index: CostAttributionIndex,
  ): Promise<AttributedCost[]> {
    const groups = await this.store.costGroups({ from, to });
    return groups.map((g: CostGroup) => {
      const attribution = index.attribute(g);
      return {
        ...attribution,
        date: g.date,
        serviceCategory: g.serviceCategory,
        cost: g.cost,
        service: serviceLabel(index, attribution),
      };
    });
  }

  async #currency(): Promise<string> {
    return (await this.store.currency()) ?? 'USD';
  }

  async entityCost(entityRef: string, days: number): Promise<EntityCost> {
    const index = await this.catalog.index();
    if (!index.component(entityRef)) {
      throw new NotFoundError(`No component ${entityRef} in the catalog`);
    }
    const w = await this.#window(days);
    const costs = (await this.#attributed(w.earliest, w.to)).filter(
      c => c.entityRef === entityRef,
    );
    const points = costs.map(c => ({
      date: c.date,
      part: c.serviceCategory,
      cost: c.cost,
    }));
    const daily = dailySeries(points, w.from, w.to);
    const sum = (from: string, to: string) =>
      costs
        .filter(c => c.date >= from && c.date <= to)
        .reduce((s, c) => s + c.cost, 0);
    return {
      entityRef,
      currency: await this.#currency(),
      days,
      from: w.from,
      to: w.to,
      daily,
      categories: [
        ...new Set(
          costs.filter(c => c.date >= w.from).map(c => c.serviceCategory),
        ),
      ].sort(),
      change: periodChange(
        sum(w.from, w.to),
        sum(w.previousFrom, addDays(w.from, -1)),
      ),
      forecast: monthEndForecast(dailySeries(points, w.earliest, w.to), w.to),
      conflicts: index.component(entityRef)?.conflicts ?? [],
    };
  }

  /** Every team cost can be attributed to, unallocated included. */
  async teams(): Promise<string[]> {
    return [...(await this.catalog.index()).teams, UNALLOCATED];
  }

  async overview(options: {
    days: number;
    team?: string;
    /** The teams the caller may see; all when absent. */
    visible?: Set<string>;
  }): Promise<CostOverview> {
    const index = await this.catalog.index();
    const team = options.team ?? null;
    if (team && team !== UNALLOCATED && !index.teams.includes(team)) {
      throw new NotFoundError(`No team ${team} in the catalog`);
    }
    // The caller's scope is part of the key: a result is only ever reused
    // for callers who may see exactly the same teams.
    const scope = options.visible ? [...options.visible].sort().join(',') : '*';
    const version = await this.#version(index);
    return this.#cache.get(
      `overview|${options.days}|${team ?? ''}|${scope}|${version}`,
      () => this.#overview(options.days, team, options.visible),
    );
  }

  async #overview(
    days: number,
    team: string | null,
    visibleTeams: Set<string> | undefined,
  ): Promise<CostOverview> {
    const window = await this.#window(days);
    const all = visibleOnly(
      await this.#attributed(window.earliest, window.to),
      visibleTeams,
    );
    return costOverview({
      costs: team ? all.filter(c => c.team === team) : all,
      window,
      days,
      team,
      currency: await this.#currency(),
      budgets: this.settings.budgets,
    });
  }

  async savings(options: {
    team?: string;
    visible?: Set<string>;
  }): Promise<CostSavings> {
    const index = await this.catalog.index();
    const version = await this.#version(index);
    // Every owner's recommendations, shared; filtered to the caller below.
    const all = await this.#cache.get(`savings|${version}`, () =>
      this.#allSavings(index),
    );
    const recommendations = all.filter(
      r =>
        (!options.team || r.owner === options.team) &&
        (!options.visible || options.visible.has(r.owner)),
    );
    return {
      currency: await this.#currency(),
      totalMonthlySaving:
        Math.round(
          recommendations.reduce((s, r) => s + r.monthlySaving, 0) * 100,
        ) / 100,
      recommendations,
    };
  }

  async #allSavings(index: CostAttributionIndex) {
    const to = (await this.store.latestChargeDate()) ?? this.today();
    const range = { from: addDays(to, -(SAVINGS_DAYS - 1)), to };
    const today = this.today();
    const [allocations, resources] = await Promise.all([
      this.store.allocations({
        from: addDays(today, -(SAVINGS_DAYS - 1)),
        to: today,
      }),
      this.store.resourceCosts(range),
    ]);
    return sortSavings([
      ...allocationSavings(allocations, a =>
        index.attribute({
          serviceTag: null,
          teamTag: null,
          namespace: a.namespace,
          workload: a.workload,
        }),
      ),
      ...unownedResourceSavings(
        resources.map(r => ({ ...r, attribution: index.attribute(r) })),
        SAVINGS_DAYS,
      ),
    ]);
  }

  async exportRows(options: {
    days: number;
    team?: string;
    visible?: Set<string>;
  }): Promise<CostExportRow[]> {
    const w = await this.#window(options.days);
    const costs = visibleOnly(
      await this.#attributed(w.from, w.to),
      options.visible,
    ).filter(c => !options.team || c.team === options.team);
    const rows = sumBy(
      costs,
      c =>
        [
          c.date,
          c.team,
          c.system ?? '',
          c.service,
          c.entityRef ?? '',
          c.serviceCategory,
        ].join('\u0000'),
      c => c.cost,
    );
    return [...rows.entries()]
      .map(([key, cost]) => {
        const [date, team, system, service, entityRef, serviceCategory] =
          key.split('\u0000');
        return {
          date,
          team,
          system,
          service,
          entityRef,
          serviceCategory,
          cost: Math.round(cost * 100) / 100,
        };
      })
      .sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          a.team.localeCompare(b.team) ||
          a.service.localeCompare(b.service),
      );
  }
}

function visibleOnly(
  costs: AttributedCost[],
  visible: Set<string> | undefined,
): AttributedCost[] {
  return visible ? costs.filter(c => visible.has(c.team)) : costs;
}
