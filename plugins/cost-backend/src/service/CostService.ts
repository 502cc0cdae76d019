import { NotFoundError } from '@backstage/errors';
import {
  addDays,
  comparePeriods,
  CostAttributionIndex,
  CostInvoice,
  costInvoice,
  CostOverview,
  CostPeriodBasis,
  CostSavings,
  dailySeries,
  EntityCost,
  monthEndForecast,
  periodChange,
  ServiceAnomaly,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import { CostStore } from '../database/CostStore';
import { attributeCostGroups, visibleOnly } from './attributedCost';
import { CostCatalog } from './catalogIndex';
import { CachedLoader } from '@gogidix/portal-node';
import { serviceAnomalies } from './costAnomalies';
import { CostExportRow, costExportRows } from './costExport';
import {
  AttributedCost,
  BASELINE_DAYS,
  costOverview,
  datesWithData,
} from './costOverview';
import { allSavings } from './costSavings';
import { costTeamRef } from './costTeams';
import { objectIdentity } from './objectIdentity';

export type { CostExportRow } from './costExport';

/** Settings read once from `cost` config. */
export interface CostSettings {
  /**
   * Monthly budget per team, in the billing currency, keyed by any form of
   * the team's ref (`payments` is `group:default/payments`).
   */
  budgets: Record<string, number>;
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

/** A team asked for, as cost keeps teams; undefined when none was. */
const teamAskedFor = (team: string | undefined) =>
  team === undefined ? undefined : costTeamRef(team);

/** Reads stored cost and turns it into what the cost pages show. */
export class CostService {
  readonly #cache: CachedLoader<{}>;
  readonly #rows: CachedLoader<AttributedCost[]>;
  readonly #budgets: Record<string, number>;

  constructor(
    private readonly store: CostStore,
    private readonly catalog: CostCatalog,
    settings: CostSettings,
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
    this.#budgets = Object.fromEntries(
      Object.entries(settings.budgets).map(([team, amount]) => [
        costTeamRef(team),
        amount,
      ]),
    );
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
    return attributeCostGroups(
      await this.store.costGroups({ from, to }),
      index,
    );
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
    const all = await this.#attributed(w.earliest, w.to);
    const comparison = comparePeriods(datesWithData(all), w.from, w.to);
    const costs = all.filter(c => c.entityRef === entityRef);
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
        comparison.comparable,
      ),
      comparison,
      forecast: monthEndForecast(dailySeries(points, w.earliest, w.to), w.to),
      conflicts: index.component(entityRef)?.conflicts ?? [],
    };
  }

  /**
   * The days of one component's cost that stand out in the last `days`
   * days, judged against its own history as the overview judges every
   * service's (see docs/cost-anomalies.md).
   */
  async entityAnomalies(
    entityRef: string,
    days: number,
  ): Promise<ServiceAnomaly[]> {
    const w = await this.#window(days);
    const all = await this.#attributed(w.earliest, w.to);
    return serviceAnomalies(
      all.filter(c => c.entityRef === entityRef),
      datesWithData(all),
      { earliest: w.earliest, from: w.from, to: w.to },
    ).anomalies;
  }

  /** Every team cost can be attributed to (full group refs), unallocated included. */
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
    const team = teamAskedFor(options.team) ?? null;
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
    const attributed = await this.#attributed(window.earliest, window.to);
    const all = visibleOnly(attributed, visibleTeams);
    return costOverview({
      costs: team ? all.filter(c => c.team === team) : all,
      datesWithData: datesWithData(attributed),
      window,
      days,
      team,
      currency: await this.#currency(),
      budgets: this.#budgets,
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
      allSavings(this.store, index, this.today()),
    );
    const team = teamAskedFor(options.team);
    const recommendations = all.filter(
      r =>
        (!team || r.owner === team) &&
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

  /**
   * The bill of the `months` months up to the newest with charges, by
   * billing or charge period. Organisation-wide: the router lets only
   * readers of the import history ask.
   */
  async invoice(options: {
    basis: CostPeriodBasis;
    months: number;
  }): Promise<CostInvoice> {
    const version = await this.store.dataVersion();
    return this.#cache.get(
      `invoice|${options.basis}|${options.months}|${version}`,
      async () => {
        const to = await this.store.latestMonth(options.basis);
        if (!to) return { basis: options.basis, periods: [] };
        const [y, m] = to.split('-').map(Number);
        const from = new Date(Date.UTC(y, m - options.months, 1))
          .toISOString()
          .slice(0, 7);
        return costInvoice(
          await this.store.invoiceGroups(options.basis, { from, to }),
          options.basis,
        );
      },
    );
  }

  async exportRows(options: {
    days: number;
    team?: string;
    visible?: Set<string>;
  }): Promise<CostExportRow[]> {
    const w = await this.#window(options.days);
    const team = teamAskedFor(options.team);
    return costExportRows(
      visibleOnly(await this.#attributed(w.from, w.to), options.visible).filter(
        c => !team || c.team === team,
      ),
    );
  }
}
