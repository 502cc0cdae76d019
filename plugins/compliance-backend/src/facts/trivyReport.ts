import {
  TRIVY_SEVERITIES,
  TrivySeverity,
} from '@gogidix/plugin-compliance-common';

export interface ParsedTrivyReport {
  artifactName: string;
  /** The report's CreatedAt; reports older than Trivy 0.48 lack it. */
  scannedAt?: string;
  counts: Record<TrivySeverity, number>;
}

export class TrivyReportError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a Trivy JSON report (`trivy image --format json`, schema version 2)
 * and counts its vulnerabilities by severity. Anything that is not such a
 * report is refused with the field at fault.
 */
export function parseTrivyReport(report: unknown): ParsedTrivyReport {
  if (!isRecord(report)) {
    throw new TrivyReportError('a Trivy report is a JSON object');
  }
  if (report.SchemaVersion !== 2) {
    throw new TrivyReportError(
      `SchemaVersion must be 2 (trivy --format json), got ${JSON.stringify(
        report.SchemaVersion,
      )}`,
    );
  }
  if (typeof report.ArtifactName !== 'string' || !report.ArtifactName) {
    throw new TrivyReportError('ArtifactName is missing: the scanned image');
  }
  let scannedAt: string | undefined;
  if (report.CreatedAt !== undefined) {
    const time = new Date(String(report.CreatedAt));
    if (Number.isNaN(time.getTime())) {
      throw new TrivyReportError(
        `CreatedAt is not a time: ${JSON.stringify(report.CreatedAt)}`,
      );
    }
    scannedAt = time.toISOString();
  }
  const results = report.Results ?? [];
  if (!Array.isArray(results)) {
    throw new TrivyReportError('Results must be an array');
  }
  const counts = Object.fromEntries(
    TRIVY_SEVERITIES.map(s => [s, 0]),
  ) as Record<TrivySeverity, number>;
  results.forEach((result, r) => {
    if (!isRecord(result)) {
      throw new TrivyReportError(`Results[${r}] must be an object`);
    }
    const vulnerabilities = result.Vulnerabilities ?? [];
    if (!Array.isArray(vulnerabilities)) {
      throw new TrivyReportError(
        `Results[${r}].Vulnerabilities must be an array`,
      );
    }
    vulnerabilities.forEach((vulnerability, v) => {
      const severity = isRecord(vulnerability)
        ? vulnerability.Severity
        : undefined;
      if (!TRIVY_SEVERITIES.includes(severity as TrivySeverity)) {
        throw new TrivyReportError(
          `Results[${r}].Vulnerabilities[${v}].Severity must be one of ${TRIVY_SEVERITIES.join(
            ', ',
          )}, got ${JSON.stringify(severity)}`,
        );
      }
      counts[severity as TrivySeverity]++;
    });
  });
  return { artifactName: report.ArtifactName, scannedAt, counts };
}
