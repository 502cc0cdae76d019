// Writing a FOCUS import: charges into cost_charges (COPY on PostgreSQL),
// the daily rollup of the days touched, one cost_imports row per billing
// account and period, all in the caller's transaction.
import {
  attributionKeyFromTags,
  CostTagKeys,
  FocusBillingRow,
  ImportedPeriod,
  microsToAmount,
} from '@gogidix/plugin-cost-common';
import { stringify } from 'csv-stringify/sync';
import { Knex } from 'knex';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { costTeamRef } from '../service/costTeams';
import { DateRange } from './CostStore';

// Rows per INSERT. Knex writes multi-row inserts on SQLite as a compound
// SELECT, limited to 500 terms; PostgreSQL takes up to 65,535 parameters
// (14 per allocation row).
export function insertChunk(db: Knex): number {
  return db.client.config.client === 'pg' ? 4000 : 500;
}

const CHARGE_COLUMNS = [
  'import_id',
  'charge_date',
  'service_category',
  'service_name',
  'charge_category',
  'resource_id',
  'resource_name',
  'service_tag',
  'team_tag',
  'namespace',
  'workload',
  'billed_cost',
  'effective_cost',
  'charge_class',
  'charge_frequency',
  'pricing_category',
  'billed_micros',
  'effective_micros',
  'list_micros',
  'contracted_micros',
  'service_tag_key',
  'team_tag_key',
] as const;

type ChargeRow = Record<
  (typeof CHARGE_COLUMNS)[number],
  string | number | null
>;

/** What the pg driver's connection offers that COPY needs. */
interface PgConnection {
  query<T>(stream: T): T;
}

interface OpenImport extends Omit<ImportedPeriod, 'cost'> {
  id: number;
  currency: string;
  /** Effective cost so far, exact. */
  micros: number;
}

/**
 * On PostgreSQL, COPY on the transaction's own connection: about ten times
 * faster than multi-row INSERTs for large exports, and still rolled back
 * with the transaction. CSV COPY reads an unquoted empty field as NULL.
 */
async function insertCharges(tx: Knex.Transaction, rows: ChargeRow[]) {
  if (tx.client.config.client === 'pg') {
    const connection: PgConnection = await tx.client.acquireConnection();
    try {
      const copy = connection.query(
        copyFrom(
          `COPY cost_charges (${CHARGE_COLUMNS.join(
            ', ',
          )}) FROM STDIN WITH (FORMAT csv)`,
        ),
      );
      // COPY input, not a download: cells reach PostgreSQL exactly as
      // they are, so no formula escaping here.
      const csv = stringify(rows.map(r => CHARGE_COLUMNS.map(c => r[c])));
      await pipeline(Readable.from([csv]), copy);
    } finally {
      await tx.client.releaseConnection(connection);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += insertChunk(tx)) {
    await tx('cost_charges').insert(rows.slice(i, i + insertChunk(tx)));
  }
}

/**
 * Stores the charges in one transaction, replacing every (billing account,
 * billing period) pair they cover.
 */
export async function importChargesInTransaction(
  db: Knex,
  batches: AsyncIterable<FocusBillingRow[]>,
  source: string,
  tagKeys: CostTagKeys,
): Promise<ImportedPeriod[]> {
  return db.transaction(async tx => {
    const open = new Map<string, OpenImport>();
    const touched = { from: '9999-12-31', to: '0000-01-01' };
    const touch = (from: string | null, to: string | null) => {
      if (from && from < touched.from) touched.from = from;
      if (to && to > touched.to) touched.to = to;
    };
    for await (const batch of batches) {
      const rows: ChargeRow[] = [];
      for (const row of batch) {
        const key = `${row.billingAccountId}\u0000${row.billingPeriodStart}`;
        let period = open.get(key);
        if (!period) {
          period = await openImport(tx, row, source, touch);
          open.set(key, period);
        }
        touch(row.chargeDate, row.chargeDate);
        period.rows += 1;
        period.micros += row.effectiveMicros;
        const tags = attributionKeyFromTags(row.tags, tagKeys);
        rows.push({
          import_id: period.id,
          charge_date: row.chargeDate,
          service_category: row.serviceCategory,
          service_name: row.serviceName,
          charge_category: row.chargeCategory,
          resource_id: row.resourceId,
          resource_name: row.resourceName,
          service_tag: tags.serviceTag,
          // Teams are kept as full group refs, however the tag spells them.
          team_tag: tags.teamTag && costTeamRef(tags.teamTag),
          namespace: tags.namespace,
          workload: tags.workload,
          billed_cost: row.billedCost,
          effective_cost: row.effectiveCost,
          charge_class: row.chargeClass,
          charge_frequency: row.chargeFrequency,
          pricing_category: row.pricingCategory,
          billed_micros: row.billedMicros,
          effective_micros: row.effectiveMicros,
          list_micros: row.listMicros,
          contracted_micros: row.contractedMicros,
          service_tag_key: tags.serviceTagKey ?? null,
          team_tag_key: tags.teamTagKey ?? null,
        });
      }
      await insertCharges(tx, rows);
    }
    if (touched.from <= touched.to) {
      await rebuildDaily(tx, touched);
    }
    const periods = [...open.values()];
    for (const p of periods) {
      await tx('cost_imports')
        .where({ id: p.id })
        .update({ rows: p.rows, cost: microsToAmount(p.micros) });
    }
    return periods.map(
      ({ billingAccountId, billingPeriodStart, rows, micros }) => ({
        billingAccountId,
        billingPeriodStart,
        rows,
        cost: microsToAmount(micros),
      }),
    );
  });
}

/** Recomputes the daily rollup for the days an import touched. */
async function rebuildDaily(tx: Knex.Transaction, range: DateRange) {
  const keys = [
    'charge_date',
    'service_category',
    'service_tag',
    'team_tag',
    'namespace',
    'workload',
    'service_tag_key',
    'team_tag_key',
  ];
  await tx('cost_daily')
    .whereBetween('charge_date', [range.from, range.to])
    .delete();
  // Named columns: INSERT ... SELECT alone would match them by position.
  const select = tx('cost_charges')
    .whereBetween('charge_date', [range.from, range.to])
    .select(keys)
    .sum({ cost: 'effective_cost' })
    .groupBy(keys)
    .toSQL();
  const columns = [...keys, 'cost'];
  await tx.raw(
    `insert into ?? (${columns.map(() => '??').join(', ')}) ${select.sql}`,
    ['cost_daily', ...columns, ...select.bindings],
  );
}

/** Drops what an earlier import of this account and period stored. */
async function openImport(
  tx: Knex.Transaction,
  row: FocusBillingRow,
  source: string,
  touch: (from: string | null, to: string | null) => void,
): Promise<OpenImport> {
  const where = {
    billing_account_id: row.billingAccountId,
    billing_period_start: row.billingPeriodStart,
  };
  const previous = await tx('cost_imports').where(where).select('id');
  if (previous.length > 0) {
    const ids = previous.map(p => p.id);
    const span = await tx('cost_charges')
      .whereIn('import_id', ids)
      .min({ from: 'charge_date' })
      .max({ to: 'charge_date' })
      .first();
    touch(span?.from ?? null, span?.to ?? null);
    await tx('cost_charges').whereIn('import_id', ids).delete();
    await tx('cost_imports').whereIn('id', ids).delete();
  }
  const [inserted] = await tx('cost_imports')
    .insert({ ...where, rows: 0, cost: 0, currency: row.currency, source })
    .returning('id');
  return {
    id: typeof inserted === 'object' ? inserted.id : inserted,
    billingAccountId: row.billingAccountId,
    billingPeriodStart: row.billingPeriodStart,
    rows: 0,
    micros: 0,
    currency: row.currency,
  };
}
