import { InputError } from '@backstage/errors';
import { TrivyReportSummary } from '@gogidix/plugin-compliance-common';
import { ComplianceStore } from '../database/ComplianceStore';
import { TrivyReportError, parseTrivyReport } from '../facts/trivyReport';

/** How far ahead of our clock a scanner's clock may run. */
export const TRIVY_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Parses and stores a Trivy report for an entity: the route CI calls and
 * the report folder both come through here. A report that cannot be read
 * is refused with an InputError naming the field and the fix; the refusal's
 * time and reason are recorded for the entity's page, and the last readable
 * report stays as it was.
 */
export async function ingestTrivyReport(
  store: Pick<ComplianceStore, 'saveTrivyReport' | 'saveTrivyRejection'>,
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
    if (
      parsed.scannedAt &&
      Date.parse(parsed.scannedAt) > now.getTime() + TRIVY_CLOCK_SKEW_MS
    ) {
      throw new TrivyReportError(
        `CreatedAt ${parsed.scannedAt} is in the future: check the clock of the machine that ran Trivy, then scan again.`,
      );
    }
    const summary: TrivyReportSummary = {
      entityRef,
      artifactName: parsed.artifactName,
      scannedAt: parsed.scannedAt ?? now.toISOString(),
      counts: parsed.counts,
      misconfigurations: parsed.misconfigurations,
      secrets: parsed.secrets,
    };
    await store.saveTrivyReport({
      ...summary,
      source,
      receivedAt: now.toISOString(),
    });
    return summary;
  } catch (error) {
    if (!(error instanceof TrivyReportError)) throw error;
    await store.saveTrivyRejection({
      entityRef,
      at: now.toISOString(),
      reason: error.message,
      source,
    });
    throw new InputError(
      `The Trivy report for ${entityRef} was refused: ${error.message}`,
    );
  }
}
