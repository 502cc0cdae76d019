import { Waiver } from '@gogidix/plugin-compliance-common';
import { Knex } from 'knex';

/* Waivers, newest first per entity and check; whether one is active is decided on reading. */

export async function insertWaiver(
  db: Knex,
  waiver: Omit<Waiver, 'active'>,
): Promise<void> {
  await db('compliance_waivers').insert({
    id: waiver.id,
    entity_ref: waiver.entityRef,
    check_id: waiver.checkId,
    reason: waiver.reason,
    approver: waiver.approver,
    created_by: waiver.createdBy,
    created_at: waiver.createdAt,
    expires_at: waiver.expiresAt,
  });
}

export async function selectWaivers(
  db: Knex,
  entityRef?: string,
): Promise<Array<Omit<Waiver, 'active'>>> {
  let query = db('compliance_waivers').orderBy([
    'entity_ref',
    'check_id',
    { column: 'created_at', order: 'desc' },
  ]);
  if (entityRef) query = query.where({ entity_ref: entityRef });
  const rows = await query.select();
  return rows.map(row => ({
    id: row.id,
    entityRef: row.entity_ref,
    checkId: row.check_id,
    reason: row.reason,
    approver: row.approver,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}
