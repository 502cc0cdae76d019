import { Knex } from 'knex';

// SQLite allows 999 bound variables per statement in older builds: stay well under.
const CHUNK = 150;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/**
 * The snapshot and definition tasks are separate global tasks, so two
 * replicas can run one each at once, upserting the same rows in different
 * orders: PostgreSQL then aborts one as a deadlock. One transaction-scoped
 * advisory lock makes those writes take turns (SQLite writes one at a time
 * anyway). The number is arbitrary but fixed.
 */
const SLO_WRITE_LOCK = 5_710_001;

export async function takeWriteTurn(tx: Knex.Transaction) {
  if (tx.client.config.client === 'pg') {
    await tx.raw('SELECT pg_advisory_xact_lock(?)', [SLO_WRITE_LOCK]);
  }
}
