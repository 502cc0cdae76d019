import { Knex } from 'knex';
import { SliObservation } from './SloStore';
import { chunks } from './sqlBatches';

/* The raw SLI observations (the demo feed's, or imported OpenMetrics). */

export async function insertObservations(
  db: Knex,
  observations: SliObservation[],
): Promise<void> {
  for (const batch of chunks(observations, 200)) {
    await db('slo_observations')
      .insert(
        batch.map(o => ({
          slo_id: o.sloId,
          ts: o.ts,
          good: o.good,
          total: o.total,
        })),
      )
      .onConflict(['slo_id', 'ts'])
      .merge(['good', 'total']);
  }
}

/**
 * For each timestamp, every SLO's newest observation at or before it, no
 * older than `toleranceSeconds`.
 */
export async function observationsAtOrBefore(
  db: Knex,
  timestamps: number[],
  toleranceSeconds: number,
): Promise<Map<number, SliObservation[]>> {
  const result = new Map<number, SliObservation[]>();
  for (const ts of new Set(timestamps)) {
    const newest = db('slo_observations')
      .select('slo_id')
      .max({ ts: 'ts' })
      .where('ts', '<=', ts)
      .andWhere('ts', '>', ts - toleranceSeconds)
      .groupBy('slo_id')
      .as('newest');
    const rows: Array<{
      slo_id: string;
      ts: string | number;
      good: number;
      total: number;
    }> = await db('slo_observations as o')
      .join(newest, q =>
        q.on('o.slo_id', 'newest.slo_id').andOn('o.ts', 'newest.ts'),
      )
      .select('o.slo_id', 'o.ts', 'o.good', 'o.total');
    result.set(
      ts,
      rows.map(r => ({
        sloId: r.slo_id,
        ts: Number(r.ts),
        good: Number(r.good),
        total: Number(r.total),
      })),
    );
  }
  return result;
}

export async function latestObservationTs(
  db: Knex,
): Promise<number | undefined> {
  const row = await db('slo_observations').max({ ts: 'ts' }).first();
  return row?.ts ? Number(row.ts) : undefined;
}
