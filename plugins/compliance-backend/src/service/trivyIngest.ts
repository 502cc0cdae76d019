import { InputError } from '@backstage/errors';
import { TrivyReportSummary } from '@gogidix/plugin-compliance-common';
import { ComplianceStore } from '../database/ComplianceStore';
import { parseTrivyReport } from '../facts/trivyReport';

/**
 * Parses and stores a Trivy report for an entity: the route CI calls and
 * the demo reports both come through here. A report that cannot be read is
 * stored as an error (the entity's Trivy facts then show the reason) and
 * refused with an InputError.
 */
export async function ingestTrivyReport(
  store: Pick<ComplianceStore, 'saveTrivyReport'>,
  options: {
    entityRef: string;
    report: unknown;
    source: string;
    now: Date;
  },
): Promise<TrivyReportSummary> {
  const { entityRef, source, now } = options;
  try {
    const parsed = parseTrivyReport(options.report);
    const scannedAt = parsed.scannedAt ?? now.toISOString();
    await store.saveTrivyReport({
      entityRef,
      artifactName: parsed.artifactName,
      scannedAt,
      counts: parsed.counts,
      source,
      receivedAt: now.toISOString(),
    });
    return {
      entityRef,
      artifactName: parsed.artifactName,
      scannedAt,
      counts: parsed.counts,
    };
  } catch (error) {
    const message = (error as Error).message;
    await store.saveTrivyReport({
      entityRef,
      artifactName: null,
      scannedAt: null,
      counts: null,
      source,
      receivedAt: now.toISOString(),
      error: message,
    });
    throw new InputError(
      `The Trivy report for ${entityRef} is invalid: ${message}`,
    );
  }
}
