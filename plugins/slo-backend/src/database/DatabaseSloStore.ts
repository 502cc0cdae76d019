import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { DailyCountsByStatus, SloEvaluation } from '@gogidix/plugin-slo-common';
import { Knex } from 'knex';
import {
  SliObservation,
  SloDefinition,
  SloFilter,
  SloStore,
  StoredSlo,
} from './SloStore';
import {
  insertObservations,
  latestObservationTs,
  observationsAtOrBefore,
} from './observations';
import { chunks, takeWriteTurn } from './sqlBatches';

const migrationsDir = resolvePackagePath(
  '@gogidix/plugin-slo-backend',
  'migrations',
);

const hourOf = (iso: string) => Math.floor(Date.parse(iso) / 3600_000) * 3600;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

interface DefinitionRow {
  slo_id: string;
  entity_ref: string;
  owner: string;
  system: string | null;
  tier: string | null;
  definition: string;
  latest: string | null;
  latest_at: string | number | null;
  status: string | null;
  burn_rate_1h: number | null;
}

export class DatabaseSloStore implements SloStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSloStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseSloStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async replaceDefinitions(entityRefs: string[], definitions: SloDefinition[]) {
    const keep = new Set(definitions.map(d => d.slo.id));
    await this.db.transaction(async tx => {
      await takeWriteTurn(tx);
      // Rows are updated in place so the latest evaluation survives a refresh.
      const gone: string[] = [];
      for (const refs of chunks(entityRefs)) {
        const rows: Array<{ slo_id: string }> = await tx('slo_definitions')
          .select('slo_id')
          .whereIn('entity_ref', refs);
        gone.push(...rows.map(r => r.slo_id).filter(id => !keep.has(id)));
      }
      for (const ids of chunks(gone)) {
        await tx('slo_definitions').whereIn('slo_id', ids).delete();
        await tx('slo_daily').whereIn('slo_id', ids).delete();
      }
      for (const batch of chunks(definitions, 50)) {
        await tx('slo_definitions')
          .insert(
            batch.map(d => ({
              slo_id: d.slo.id,
              entity_ref: d.entityRef,
              owner: d.owner,
              system: d.system ?? null,
              tier: d.tier ?? null,
              definition: JSON.stringify(d.slo),
            })),
          )
          .onConflict('slo_id')
          .merge(['entity_ref', 'owner', 'system', 'tier', 'definition']);
      }
    });
  }

  async retainEntities(entityRefs: string[]) {
    const keep = new Set(entityRefs);
    const rows: Array<{ entity_ref: string }> = await this.db(
      'slo_definitions',
    ).distinct('entity_ref');
    const gone = rows.map(r => r.entity_ref).filter(ref => !keep.has(ref));
    for (const refs of chunks(gone)) {
      // A removed SLO leaves the trend too.
      const ids = this.db('slo_definitions')
        .select('slo_id')
        .whereIn('entity_ref', refs);
      await this.db('slo_daily').whereIn('slo_id', ids).delete();
      await this.db('slo_definitions').whereIn('entity_ref', refs).delete();
    }
  }

  async listSlos(filter: SloFilter = {}): Promise<StoredSlo[]> {
    const query = this.db<DefinitionRow>('slo_definitions')
      .select('*')
      .orderBy('slo_id');
    if (filter.owners?.length) query.whereIn('owner', filter.owners);
    if (filter.tiers?.length) query.whereIn('tier', filter.tiers);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    if (filter.sloIds) {
      if (filter.sloIds.length === 0) return [];
      query.whereIn('slo_id', filter.sloIds);
    }
    const rows: DefinitionRow[] = await query;
    return rows.map(row => ({
      slo: JSON.parse(row.definition),
      entityRef: row.entity_ref,
      owner: row.owner,
      ...(row.system ? { system: row.system } : {}),
      ...(row.tier ? { tier: row.tier } : {}),
      ...(row.latest ? { latest: JSON.parse(row.latest) } : {}),
    }));
  }

  async listOwners(): Promise<string[]> {
    const rows: Array<{ owner: string }> = await this.db('slo_definitions')
      .distinct('owner')
      .orderBy('owner');
    return rows.map(r => r.owner);
  }

  async recordEvaluations(evaluations: SloEvaluation[]) {
    if (evaluations.length === 0) return;
    // One row per SLO and hour (and per SLO and day): the newest evaluation wins.
    const newest = (key: (e: SloEvaluation) => string) => {
      const rows = new Map<string, SloEvaluation>();
      for (const e of evaluations) {
        const current = rows.get(key(e));
        if (!current || current.at <= e.at) rows.set(key(e), e);
      }
      return [...rows.values()];
    };
    const hourly = newest(e => `${e.sloId}@${hourOf(e.at)}`);
    const daily = newest(e => `${e.sloId}@${e.at.slice(0, 10)}`);
    await this.db.transaction(async tx => {
      await takeWriteTurn(tx);
      for (const batch of chunks(hourly, 50)) {
        await tx('slo_snapshots')
          .insert(
            batch.map(e => ({
              slo_id: e.sloId,
              at: hourOf(e.at),
              evaluation: JSON.stringify(e),
            })),
          )
          .onConflict(['slo_id', 'at'])
          .merge(['evaluation']);
      }
      for (const batch of chunks(daily, 50)) {
        const owners = new Map<
          string,
          { owner: string; tier: string | null }
        >();
        const rows: Array<{
          slo_id: string;
          owner: string;
          tier: string | null;
        }> = await tx('slo_definitions')
          .select('slo_id', 'owner', 'tier')
          .whereIn(
            'slo_id',
            batch.map(e => e.sloId),
          );
        for (const row of rows) owners.set(row.slo_id, row);
        const known = batch.filter(e => owners.has(e.sloId));
        if (known.length === 0) continue;
        await tx('slo_daily')
          .insert(
            known.map(e => ({
              slo_id: e.sloId,
              day: e.at.slice(0, 10),
              status: e.status,
              budget_remaining:
                typeof e.budget.remaining === 'number'
                  ? e.budget.remaining
                  : null,
              owner: owners.get(e.sloId)!.owner,
              tier: owners.get(e.sloId)!.tier,
            })),
          )
          .onConflict(['slo_id', 'day'])
          .merge(['status', 'budget_remaining', 'owner', 'tier']);
      }
      // Back-filled history must not overwrite a newer "latest".
      for (const e of evaluations) {
        const at = seconds(new Date(e.at));
        await tx('slo_definitions')
          .where('slo_id', e.sloId)
          .andWhere(q =>
            q.whereNull('latest_at').orWhere('latest_at', '<=', at),
          )
          .update({
            latest: JSON.stringify(e),
            latest_at: at,
            status: e.status,
            burn_rate_1h:
              typeof e.burnRates['1h'] === 'number' ? e.burnRates['1h'] : null,
          });
      }
    });
  }

  async listSnapshots(sloIds: string[], from: Date, to: Date) {
    const out: SloEvaluation[] = [];
    for (const ids of chunks(sloIds)) {
      const rows: Array<{ evaluation: string }> = await this.db('slo_snapshots')
        .select('evaluation')
        .whereIn('slo_id', ids)
        .whereBetween('at', [seconds(from), seconds(to)])
        .orderBy('at');
      out.push(...rows.map(r => JSON.parse(r.evaluation)));
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }

  async latestSnapshots(sloIds: string[], at: Date) {
    const result = new Map<string, SloEvaluation>();
    for (const ids of chunks(sloIds)) {
      const newest = this.db('slo_snapshots')
        .select('slo_id')
        .max({ at: 'at' })
        .whereIn('slo_id', ids)
        .where('at', '<=', seconds(at))
        .groupBy('slo_id')
        .as('newest');
      const rows: Array<{ slo_id: string; evaluation: string }> = await this.db(
        'slo_snapshots as s',
      )
        .join(newest, q =>
          q.on('s.slo_id', 'newest.slo_id').andOn('s.at', 'newest.at'),
        )
        .select('s.slo_id', 's.evaluation');
      for (const row of rows)
        result.set(row.slo_id, JSON.parse(row.evaluation));
    }
    return result;
  }

  async newestSnapshotAt() {
    const row = await this.db('slo_snapshots').max({ at: 'at' }).first();
    return row?.at ? new Date(Number(row.at) * 1000) : undefined;
  }

  async dailyStatusCounts(
    filter: SloFilter,
    since: Date,
    until?: Date,
  ): Promise<DailyCountsByStatus[]> {
    const query = this.db('slo_daily')
      .select('day', 'status')
      .count({ count: '*' })
      .where('day', '>=', since.toISOString().slice(0, 10))
      .groupBy('day', 'status')
      .orderBy('day');
    if (until) query.where('day', '<=', until.toISOString().slice(0, 10));
    if (filter.owners?.length) query.whereIn('owner', filter.owners);
    if (filter.tiers?.length) query.whereIn('tier', filter.tiers);
    const rows = (await query) as unknown as Array<{
      day: string;
      status: string;
      count: string | number;
    }>;
    const days = new Map<string, DailyCountsByStatus>();
    for (const row of rows) {
      const day = days.get(row.day) ?? {
        day: row.day,
        healthy: 0,
        atRisk: 0,
        exhausted: 0,
        missing: 0,
      };
      const key =
        row.status === 'at-risk' ? 'atRisk' : (row.status as 'healthy');
      day[key] += Number(row.count);
      days.set(row.day, day);
    }
    return [...days.values()];
  }

  insertObservations(observations: SliObservation[]) {
    return insertObservations(this.db, observations);
  }

  observationsAtOrBefore(timestamps: number[], toleranceSeconds: number) {
    return observationsAtOrBefore(this.db, timestamps, toleranceSeconds);
  }

  latestObservationTs() {
    return latestObservationTs(this.db);
  }
}
