import { Knex } from 'knex';
import { StoredTrivyReport } from './ComplianceStore';

/* The latest Trivy report per component, uploaded by CI or loaded from a folder. */

export async function upsertTrivyReport(
  db: Knex,
  report: StoredTrivyReport,
): Promise<void> {
  await db('compliance_trivy_reports')
    .insert({
      entity_ref: report.entityRef,
      artifact_name: report.artifactName,
      scanned_at: report.scannedAt,
      counts: report.counts ? JSON.stringify(report.counts) : null,
      source: report.source,
      received_at: report.receivedAt,
      error: report.error ?? null,
    })
    .onConflict('entity_ref')
    .merge();
}

export async function selectTrivyReports(
  db: Knex,
): Promise<StoredTrivyReport[]> {
  const rows = await db('compliance_trivy_reports').select();
  return rows.map(row => ({
    entityRef: row.entity_ref,
    artifactName: row.artifact_name,
    scannedAt: row.scanned_at,
    counts: row.counts ? JSON.parse(row.counts) : null,
    source: row.source,
    receivedAt: row.received_at,
    error: row.error ?? undefined,
  }));
}
