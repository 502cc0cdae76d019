import {
  TRIVY_SEVERITIES,
  TrivySeverity,
  TrivySeverityCounts,
} from '@gogidix/plugin-compliance-common';

export interface ParsedTrivyReport {
  artifactName: string;
  /** The report's CreatedAt; reports older than Trivy 0.48 lack it. */
  scannedAt?: string;
  /** Vulnerabilities by severity. */
  counts: TrivySeverityCounts;
  /** Misconfiguration checks with Status FAIL, by severity. */
  misconfigurations: TrivySeverityCounts;
  /** Exposed secrets, by severity. */
  secrets: TrivySeverityCounts;
}

/** Why a report was refused: the field at fault and what to do. */
export class TrivyReportError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown) =>
  value === undefined ? 'missing' : JSON.stringify(value);

const RUN_AS_JSON =
  'upload the file `trivy image --format json --output report.json` writes, unchanged';

export const noCounts = (): TrivySeverityCounts =>
  Object.fromEntries(TRIVY_SEVERITIES.map(s => [s, 0])) as TrivySeverityCounts;

/** Other formats Trivy writes, recognised so the error can say which. */
function otherFormat(report: Record<string, unknown>): string | undefined {
  if (report.bomFormat === 'CycloneDX') return 'a CycloneDX SBOM';
  if (typeof report.spdxVersion === 'string') return 'an SPDX SBOM';
  if (typeof report.$schema === 'string' && /sarif/i.test(report.$schema)) {
    return 'a SARIF report';
  }
  return undefined;
}

/**
 * A list of findings of a Result. Trivy omits the key when a target has no
 * findings, and versions before 0.33 wrote `null`: both read as none.
 */
function findings(
  result: Record<string, unknown>,
  key: string,
  at: string,
): Array<Record<string, unknown>> {
  const list = result[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    throw new TrivyReportError(
      `${at}.${key} is ${show(
        list,
      )}: Trivy writes a list there (or leaves it out); ${RUN_AS_JSON}.`,
    );
  }
  return list.map((item, i) => {
    if (!isRecord(item)) {
      throw new TrivyReportError(
        `${at}.${key}[${i}] is ${show(
          item,
        )}: each finding is an object; ${RUN_AS_JSON}.`,
      );
    }
    return item;
  });
}

function severityOf(
  finding: Record<string, unknown>,
  at: string,
): TrivySeverity {
  const severity = finding.Severity;
  if (!TRIVY_SEVERITIES.includes(severity as TrivySeverity)) {
    throw new TrivyReportError(
      `${at}.Severity is ${show(
        severity,
      )}: Trivy writes one of ${TRIVY_SEVERITIES.join(', ')}; ${RUN_AS_JSON}.`,
    );
  }
  return severity as TrivySeverity;
}

/**
 * Reads a Trivy JSON report (`--format json`, schema version 2, as
 * `trivy image`, `trivy fs` and `trivy repo` write it) and counts its
 * vulnerabilities, failed misconfigurations and secrets by severity.
 * Anything else is refused with the field at fault and how to fix it.
 */
export function parseTrivyReport(report: unknown): ParsedTrivyReport {
  if (!isRecord(report)) {
    throw new TrivyReportError(
      `the body is ${
        Array.isArray(report) ? 'a list' : show(report)
      }, not a Trivy report (a JSON object with SchemaVersion 2); ${RUN_AS_JSON}.`,
    );
  }
  const other = otherFormat(report);
  if (other) {
    throw new TrivyReportError(
      `the body is ${other}, not a Trivy JSON report; run Trivy with --format json and upload that.`,
    );
  }
  if (report.SchemaVersion !== 2) {
    throw new TrivyReportError(
      `SchemaVersion is ${show(
        report.SchemaVersion,
      )}: the portal reads schema version 2, which Trivy 0.20 and later write with --format json; upgrade Trivy or ${RUN_AS_JSON}.`,
    );
  }
  if (typeof report.ArtifactName !== 'string' || !report.ArtifactName) {
    throw new TrivyReportError(
      `ArtifactName is ${show(
        report.ArtifactName,
      )}: it names the scanned image or path, and Trivy always writes it; ${RUN_AS_JSON}.`,
    );
  }
  let scannedAt: string | undefined;
  if (report.CreatedAt !== undefined) {
    const time = new Date(String(report.CreatedAt));
    if (typeof report.CreatedAt !== 'string' || Number.isNaN(time.getTime())) {
      throw new TrivyReportError(
        `CreatedAt is ${show(
          report.CreatedAt,
        )}: Trivy writes an RFC 3339 time such as 2026-11-20T08:15:02Z; ${RUN_AS_JSON}.`,
      );
    }
    scannedAt = time.toISOString();
  }
  const results = report.Results ?? [];
  if (!Array.isArray(results)) {
    throw new TrivyReportError(
      `Results is ${show(
        report.Results,
      )}: Trivy writes a list of scanned targets there (or leaves it out when nothing was found); ${RUN_AS_JSON}.`,
    );
  }
  const counts = noCounts();
  const misconfigurations = noCounts();
  const secrets = noCounts();
  results.forEach((result, r) => {
    const at = `Results[${r}]`;
    if (!isRecord(result)) {
      throw new TrivyReportError(
        `${at} is ${show(
          result,
        )}: each result is an object with a Target; ${RUN_AS_JSON}.`,
      );
    }
    findings(result, 'Vulnerabilities', at).forEach((finding, i) => {
      counts[severityOf(finding, `${at}.Vulnerabilities[${i}]`)]++;
    });
    findings(result, 'Misconfigurations', at).forEach((finding, i) => {
      const where = `${at}.Misconfigurations[${i}]`;
      const severity = severityOf(finding, where);
      // Passed checks appear with --include-non-failures; only FAIL counts.
      if (finding.Status === undefined || finding.Status === 'FAIL') {
        misconfigurations[severity]++;
      } else if (!['PASS', 'EXCEPTION'].includes(String(finding.Status))) {
        throw new TrivyReportError(
          `${where}.Status is ${show(
            finding.Status,
          )}: Trivy writes FAIL, PASS or EXCEPTION; ${RUN_AS_JSON}.`,
        );
      }
    });
    findings(result, 'Secrets', at).forEach((finding, i) => {
      secrets[severityOf(finding, `${at}.Secrets[${i}]`)]++;
    });
  });
  return {
    artifactName: report.ArtifactName,
    scannedAt,
    counts,
    misconfigurations,
    secrets,
  };
}
