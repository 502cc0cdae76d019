import { TrivySeverityCounts } from '@gogidix/plugin-compliance-common';
import { Knex } from 'knex';
import {
  StoredTrivyReport,
  StoredTrivyState,
  TrivyRejection,
} from './ComplianceStore';

/*
 * The latest readable Trivy report per component (uploaded by CI or loaded
 * from a folder) and, beside it, the latest refused upload since.
 */

const TABLE = 'compliance_trivy_reports';

const json = (counts: TrivySeverityCounts) => JSON.stringify(counts);
const zero: TrivySeverityCounts = {
  CRITICAL: 0,
  HIGH: 0,
  MEDIUM: 0,
  LOW: 0,
  UNKNOWN: 0,
};

export async function upsertTrivyReport(
  db: Knex,
  report: StoredTrivyReport,
): Promise<void> {
  await db(TABLE)
    .insert({
      entity_ref: report.entityRef,
      artifact_name: report.artifactName,
      scanned_at: report.scannedAt,
      counts: json(report.counts),
      misconfiguration_counts: json(report.misconfigurations),
      secret_counts: json(report.secrets),
      source: report.source,
      received_at: report.receivedAt,
      rejected_at: null,
      rejected_reason: null,
      rejected_source: null,
    })
    .onConflict('entity_ref')
    .merge();
}

export async function upsertTrivyRejection(
  db: Knex,
  rejection: TrivyRejection,
): Promise<void> {
  const rejected = {
    rejected_at: rejection.at,
    rejected_reason: rejection.reason,
    rejected_source: rejection.source,
  };
  // source and received_at describe the readable report: a first upload
  // that is refused fills them with the refusal's, counts stay empty.
  await db(TABLE)
    .insert({
      entity_ref: rejection.entityRef,
      source: rejection.source,
      received_at: rejection.at,
      ...rejected,
    })
    .onConflict('entity_ref')
    .merge(rejected);
}

export async function selectTrivyReports(
  db: Knex,
  entityRef?: string,
): Promise<StoredTrivyState[]> {
  let query = db(TABLE).select().orderBy('entity_ref');
  if (entityRef) query = query.where({ entity_ref: entityRef });
  const rows = await query;
  return rows.map(row => ({
    entityRef: row.entity_ref,
    report: row.counts
      ? {
          entityRef: row.entity_ref,
          artifactName: row.artifact_name,
          scannedAt: row.scanned_at,
          counts: JSON.parse(row.counts),
          // Reports stored before these were counted show none.
          misconfigurations: row.misconfiguration_counts
            ? JSON.parse(row.misconfiguration_counts)
            : zero,
          secrets: row.secret_counts ? JSON.parse(row.secret_counts) : zero,
          source: row.source,
          receivedAt: row.received_at,
        }
      : null,
    rejected: row.rejected_at
      ? {
          at: row.rejected_at,
          reason: row.rejected_reason,
          source: row.rejected_source,
        }
      : null,
  }));
}
