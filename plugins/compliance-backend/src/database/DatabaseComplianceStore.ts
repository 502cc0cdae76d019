import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Evidence, Waiver } from '@gogidix/plugin-compliance-common';
import { Knex } from 'knex';
import { CollectedFact } from '../facts/FactRetriever';
import {
  ComplianceStore,
  DailyTeamCounts,
  RoundRecord,
  StoredEntityResult,
  StoredTrivyReport,
  TrivyRejection,
} from './ComplianceStore';
import {
  selectTrivyReports,
  upsertTrivyRejection,
  upsertTrivyReport,
} from './trivyReportTable';
import { insertWaiver, selectWaivers } from './waiverTable';

const migrationsDir = resolvePackagePath(
  '@gogidix/plugin-compliance-backend',
  'migrations',
);

/** Rounds whose per-entity results are kept; the daily rows keep the trend. */
const KEPT_ROUNDS = 10;

// SQLite allows 999 bound variables per statement in older builds.
function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

const orUndefined = <T>(value: T | null): T | undefined =>
  value === null ? undefined : value;

interface ResultRow {
  round_id: number;
  entity_ref: string;
  title: string | null;
  team: string;
  system: string | null;
  level: string;
  checks: string;
  finished_at: string;
}

export class DatabaseComplianceStore implements ComplianceStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseComplianceStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseComplianceStore(client);
  }

  private constructor(private readonly db: Knex) {}

  saveTrivyReport(report: StoredTrivyReport) {
    return upsertTrivyReport(this.db, report);
  }

  saveTrivyRejection(rejection: TrivyRejection) {
    return upsertTrivyRejection(this.db, rejection);
  }

  listTrivyReports(entityRef?: string) {
    return selectTrivyReports(this.db, entityRef);
  }

  async replaceFacts(facts: CollectedFact[]) {
    await this.db.transaction(async tx => {
      await tx('compliance_facts').delete();
      for (const batch of chunks(facts, 100)) {
        await tx('compliance_facts').insert(
          batch.map(fact => ({
            entity_ref: fact.entityRef,
            fact_id: fact.factId,
            value: JSON.stringify(fact.value),
            source: fact.source,
            collected_at: fact.collectedAt,
            error: fact.error ?? null,
            pending: fact.pending ?? null,
          })),
        );
      }
    });
  }

  async listFacts(entityRef: string): Promise<Evidence[]> {
    const rows = await this.db('compliance_facts')
      .where({ entity_ref: entityRef })
      .orderBy('fact_id');
    return rows.map(row => ({
      factId: row.fact_id,
      value: JSON.parse(row.value),
      source: row.source,
      collectedAt: row.collected_at,
      ...(row.error ? { error: row.error } : {}),
      ...(row.pending ? { pending: row.pending } : {}),
    }));
  }

  async saveRound(round: RoundRecord): Promise<number> {
    const day = round.finishedAt.slice(0, 10);
    return this.db.transaction(async tx => {
      const [inserted] = await tx('compliance_rounds')
        .insert({
          started_at: round.startedAt,
          finished_at: round.finishedAt,
          entities: round.results.length,
          checks: round.results.reduce((n, r) => n + r.checks.length, 0),
        })
        .returning('id');
      const roundId = Number(
        typeof inserted === 'object' ? inserted.id : inserted,
      );
      const counted = round.results.map(result => {
        const count = (status: string) =>
          result.checks.filter(c => c.status === status).length;
        return {
          result,
          passed: count('pass'),
          failed: count('fail'),
          errors: count('error'),
          pending: count('pending'),
          waived: count('waived'),
        };
      });
      for (const batch of chunks(counted, 60)) {
        await tx('compliance_entity_results').insert(
          batch.map(({ result, ...counts }) => ({
            round_id: roundId,
            entity_ref: result.entityRef,
            title: result.title ?? null,
            team: result.team,
            system: result.system ?? null,
            level: result.level,
            ...counts,
            checks: JSON.stringify(result.checks),
          })),
        );
        // The day's last round stands for the day in the trend.
        await tx('compliance_daily')
          .insert(
            batch.map(({ result, ...counts }) => ({
              day,
              entity_ref: result.entityRef,
              team: result.team,
              level: result.level,
              ...counts,
            })),
          )
          .onConflict(['day', 'entity_ref'])
          .merge();
      }
      if (round.campaigns.length > 0) {
        await tx('compliance_campaign_daily')
          .insert(
            round.campaigns.map(c => ({
              campaign_id: c.campaignId,
              day,
              team: c.team,
              passing: c.passing,
              total: c.total,
            })),
          )
          .onConflict(['campaign_id', 'day', 'team'])
          .merge();
      }
      const old = await tx('compliance_rounds')
        .select('id')
        .orderBy('id', 'desc')
        .offset(KEPT_ROUNDS);
      const oldIds = old.map(r => r.id);
      if (oldIds.length > 0) {
        await tx('compliance_entity_results')
          .whereIn('round_id', oldIds)
          .delete();
        await tx('compliance_rounds').whereIn('id', oldIds).delete();
      }
      return roundId;
    });
  }

  private latestRound() {
    return this.db('compliance_rounds')
      .select('id', 'finished_at')
      .orderBy('id', 'desc')
      .first();
  }

  async latestRoundAt(): Promise<string | undefined> {
    return (await this.latestRound())?.finished_at;
  }

  async resultsVersion(): Promise<string> {
    const [round, waivers] = await Promise.all([
      this.latestRound(),
      this.db('compliance_waivers')
        .count({ count: '*' })
        .max({ latest: 'created_at' })
        .first(),
    ]);
    return [
      round?.id ?? 0,
      Number(waivers?.count ?? 0),
      waivers?.latest ?? '',
    ].join(' ');
  }

  async latestResults(
    filter: { teams?: string[]; entityRef?: string } = {},
  ): Promise<StoredEntityResult[]> {
    const round = await this.latestRound();
    if (!round) return [];
    let query = this.db<ResultRow>('compliance_entity_results')
      .where({ round_id: round.id })
      .orderBy('entity_ref');
    if (filter.teams) query = query.whereIn('team', filter.teams);
    if (filter.entityRef) query = query.where({ entity_ref: filter.entityRef });
    const rows: ResultRow[] = await query.select();
    return rows.map(row => ({
      entityRef: row.entity_ref,
      title: orUndefined(row.title),
      team: row.team,
      system: orUndefined(row.system),
      level: row.level as StoredEntityResult['level'],
      checks: JSON.parse(row.checks),
      evaluatedAt: round.finished_at,
    }));
  }

  async dailyTeamCounts(
    since: string,
    teams?: string[],
  ): Promise<DailyTeamCounts[]> {
    let query = this.db('compliance_daily')
      .select('day', 'team')
      .count({ entities: '*' })
      .sum({
        passed: 'passed',
        failed: 'failed',
        errors: 'errors',
        pending: 'pending',
        waived: 'waived',
      })
      .where('day', '>=', since)
      .groupBy('day', 'team')
      .orderBy(['day', 'team']);
    if (teams) query = query.whereIn('team', teams);
    const rows: Array<Record<string, unknown>> = await query;
    return rows.map(row => ({
      day: String(row.day),
      team: String(row.team),
      entities: Number(row.entities),
      passed: Number(row.passed),
      failed: Number(row.failed),
      errors: Number(row.errors),
      pending: Number(row.pending),
      waived: Number(row.waived),
    }));
  }

  async campaignHistory(since: string) {
    const rows = await this.db('compliance_campaign_daily')
      .where('day', '>=', since)
      .orderBy(['campaign_id', 'day', 'team']);
    return rows.map(row => ({
      campaignId: row.campaign_id,
      day: row.day,
      team: row.team,
      passing: Number(row.passing),
      total: Number(row.total),
    }));
  }

  createWaiver(waiver: Omit<Waiver, 'active'>) {
    return insertWaiver(this.db, waiver);
  }

  listWaivers(entityRef?: string) {
    return selectWaivers(this.db, entityRef);
  }
}
