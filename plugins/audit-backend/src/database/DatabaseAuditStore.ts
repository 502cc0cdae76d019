import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  AuditEvent,
  AuditEventPage,
  AuditEventQuery,
  AuditOutcome,
  AuditSeverity,
} from '@gogidix/plugin-audit-common';
import { Knex } from 'knex';
import { AuditRecord, AuditStore } from './AuditStore';

const migrationsDir = resolvePackagePath(
  '@gogidix/plugin-audit-backend',
  'migrations',
);

interface AuditEventRow {
  id: string;
  time: string;
  completed_at: string | null;
  plugin: string;
  event_id: string;
  severity: string;
  outcome: string;
  actor: string | null;
  target: string | null;
  error: string | null;
  request_method: string | null;
  request_url: string | null;
  meta: string | null;
}

function toRow(record: AuditRecord): AuditEventRow {
  return {
    id: record.id,
    time: record.time,
    completed_at: record.completedAt ?? null,
    plugin: record.plugin,
    event_id: record.eventId,
    severity: record.severity,
    outcome: record.outcome,
    actor: record.actor ?? null,
    target: record.target ?? null,
    error: record.error ?? null,
    request_method: record.request?.method ?? null,
    request_url: record.request?.url ?? null,
    meta: record.meta ? JSON.stringify(record.meta) : null,
  };
}

function fromRow(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    time: row.time,
    ...(row.completed_at ? { completedAt: row.completed_at } : {}),
    plugin: row.plugin,
    eventId: row.event_id,
    severity: row.severity as AuditSeverity,
    outcome: row.outcome as AuditOutcome,
    ...(row.actor ? { actor: row.actor } : {}),
    ...(row.target ? { target: row.target } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.request_method && row.request_url
      ? { request: { method: row.request_method, url: row.request_url } }
      : {}),
    ...(row.meta ? { meta: JSON.parse(row.meta) } : {}),
  };
}

/** Folds the records of one action in a batch into its newest state. */
function coalesce(records: AuditRecord[]): AuditRecord[] {
  const byId = new Map<string, AuditRecord>();
  for (const record of records) {
    const earlier = byId.get(record.id);
    byId.set(record.id, earlier ? { ...earlier, ...record } : record);
  }
  return [...byId.values()];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, c => `\\${c}`);

/** The audit trail in the audit plugin's database (SQLite or PostgreSQL). */
export class DatabaseAuditStore implements AuditStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAuditStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAuditStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async write(records: AuditRecord[]) {
    const rows = coalesce(records).map(toRow);
    for (let i = 0; i < rows.length; i += 50) {
      await this.db<AuditEventRow>('audit_events')
        .insert(rows.slice(i, i + 50))
        .onConflict('id')
        .merge(['completed_at', 'outcome', 'error', 'meta']);
    }
  }

  private filtered(query: AuditEventQuery) {
    const q = this.db<AuditEventRow>('audit_events');
    if (query.plugin) q.where('plugin', query.plugin);
    if (query.eventId) q.where('event_id', query.eventId);
    // Part of a name finds the person: `jane` finds user:default/jane.doe.
    if (query.actor) {
      q.whereRaw(`LOWER(actor) LIKE ? ESCAPE '\\'`, [
        `%${escapeLike(query.actor.toLowerCase())}%`,
      ]);
    }
    if (query.outcome) q.where('outcome', query.outcome);
    if (query.severity) q.where('severity', query.severity);
    if (query.from) q.where('time', '>=', query.from);
    if (query.to) q.where('time', '<', query.to);
    if (query.target) {
      q.whereRaw(`LOWER(target) LIKE ? ESCAPE '\\'`, [
        `%${escapeLike(query.target.toLowerCase())}%`,
      ]);
    }
    return q;
  }

  async list(
    query: AuditEventQuery,
    page: { offset: number; limit: number },
  ): Promise<AuditEventPage> {
    const [rows, [{ count }]] = await Promise.all([
      this.filtered(query)
        .select('*')
        .orderBy([
          { column: 'time', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .offset(page.offset)
        .limit(page.limit),
      this.filtered(query).count({ count: '*' }),
    ]);
    return {
      items: (rows as AuditEventRow[]).map(fromRow),
      totalCount: Number(count),
      offset: page.offset,
      limit: page.limit,
    };
  }

  async deleteBefore(before: Date) {
    return this.db('audit_events')
      .where('time', '<', before.toISOString())
      .delete();
  }
}
