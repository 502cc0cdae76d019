import fs from 'node:fs';
import path from 'node:path';
import { demoTrivy } from '../__testUtils__/fixtures';
import { parseTrivyReport } from './trivyReport';

const report = (overrides: Record<string, unknown> = {}) => ({
  SchemaVersion: 2,
  CreatedAt: '2026-11-20T08:15:02.1234Z',
  ArtifactName: 'harbor.gogidix.dev/listings/listings-service:2.14.3',
  ArtifactType: 'container_image',
  Results: [
    {
      Target:
        'harbor.gogidix.dev/listings/listings-service:2.14.3 (debian 12.8)',
      Class: 'os-pkgs',
      Type: 'debian',
      Vulnerabilities: [
        {
          VulnerabilityID: 'CVE-2024-1',
          PkgName: 'openssl',
          Severity: 'CRITICAL',
        },
        { VulnerabilityID: 'CVE-2024-2', PkgName: 'libc6', Severity: 'HIGH' },
        { VulnerabilityID: 'CVE-2024-3', PkgName: 'zlib1g', Severity: 'HIGH' },
      ],
    },
    // A target with no findings has no Vulnerabilities key at all.
    { Target: 'app/package-lock.json', Class: 'lang-pkgs', Type: 'npm' },
  ],
  ...overrides,
});

const fixture = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '__fixtures__/trivy', name), 'utf8'),
  );

type Finding = { Severity: string; Status?: string };
type Result = Record<string, Finding[] | null | undefined>;

/** An independent count: every finding of a kind, tallied by severity. */
function tally(doc: { Results?: Result[] }, key: string, onlyFailed = false) {
  const out: Record<string, number> = {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    UNKNOWN: 0,
  };
  for (const result of doc.Results ?? []) {
    for (const finding of result[key] ?? []) {
      if (onlyFailed && finding.Status !== 'FAIL') continue;
      out[finding.Severity] += 1;
    }
  }
  return out;
}

describe('parseTrivyReport', () => {
  it('counts vulnerabilities by severity across targets', () => {
    expect(parseTrivyReport(report())).toEqual({
      artifactName: 'harbor.gogidix.dev/listings/listings-service:2.14.3',
      scannedAt: '2026-11-20T08:15:02.123Z',
      counts: { CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      misconfigurations: {
        CRITICAL: 0,
        HIGH: 0,
        MEDIUM: 0,
        LOW: 0,
        UNKNOWN: 0,
      },
      secrets: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
    });
  });

  it('accepts a report from before Trivy wrote CreatedAt', () => {
    const { CreatedAt: _, ...old } = report();
    expect(parseTrivyReport(old).scannedAt).toBeUndefined();
  });

  // Fixtures written from Trivy's documented JSON report (schema 2).
  it.each([
    [
      'an image report with null and absent Vulnerabilities',
      'image-with-null-and-absent-vulnerabilities.json',
      {
        artifactName: 'harbor.gogidix.dev/listings/photos:0.4.1',
        scannedAt: '2026-12-01T09:30:11.482Z',
        counts: { CRITICAL: 1, HIGH: 1, MEDIUM: 2, LOW: 1, UNKNOWN: 1 },
        misconfigurations: {
          CRITICAL: 0,
          HIGH: 0,
          MEDIUM: 0,
          LOW: 0,
          UNKNOWN: 0,
        },
        secrets: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      },
    ],
    [
      'a filesystem report with misconfigurations (PASS not counted) and secrets',
      'filesystem-misconfigurations-and-secrets.json',
      {
        artifactName: '.',
        scannedAt: '2026-12-02T14:05:00.000Z',
        counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 1, LOW: 0, UNKNOWN: 0 },
        misconfigurations: {
          CRITICAL: 0,
          HIGH: 1,
          MEDIUM: 0,
          LOW: 1,
          UNKNOWN: 0,
        },
        secrets: { CRITICAL: 2, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      },
    ],
    [
      'a clean image, whose report has no Results',
      'clean-image-without-results.json',
      {
        artifactName: 'harbor.gogidix.dev/platform/static-site:1.0.0',
        scannedAt: '2026-12-03T05:00:00.000Z',
        counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
        misconfigurations: {
          CRITICAL: 0,
          HIGH: 0,
          MEDIUM: 0,
          LOW: 0,
          UNKNOWN: 0,
        },
        secrets: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      },
    ],
  ])('reads %s', (_, file, expected) => {
    const doc = fixture(file);
    const parsed = parseTrivyReport(doc);
    expect(parsed).toEqual(expected);
    expect(parsed.counts).toEqual(tally(doc, 'Vulnerabilities'));
    expect(parsed.misconfigurations).toEqual(
      tally(doc, 'Misconfigurations', true),
    );
    expect(parsed.secrets).toEqual(tally(doc, 'Secrets'));
  });

  it.each([
    ['not an object', [], /the body is a list, not a Trivy report/],
    [
      'a CycloneDX SBOM',
      { bomFormat: 'CycloneDX', specVersion: '1.6' },
      /a CycloneDX SBOM, not a Trivy JSON report; run Trivy with --format json/,
    ],
    [
      'a SARIF report',
      {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
      },
      /a SARIF report/,
    ],
    [
      'schema version 1',
      report({ SchemaVersion: 1 }),
      /SchemaVersion is 1: the portal reads schema version 2.*upgrade Trivy/,
    ],
    [
      'no ArtifactName',
      report({ ArtifactName: '' }),
      /ArtifactName is "": it names the scanned image/,
    ],
    [
      'a CreatedAt that is no time',
      report({ CreatedAt: 'yesterday' }),
      /CreatedAt is "yesterday": Trivy writes an RFC 3339 time/,
    ],
    [
      'Results not a list',
      report({ Results: {} }),
      /Results is \{\}: Trivy writes a list of scanned targets/,
    ],
    [
      'a result that is not an object',
      report({ Results: ['debian'] }),
      /Results\[0\] is "debian": each result is an object/,
    ],
    [
      'Vulnerabilities that are not a list',
      report({ Results: [{ Target: 'x', Vulnerabilities: 'none' }] }),
      /Results\[0\]\.Vulnerabilities is "none": Trivy writes a list there/,
    ],
    [
      'an unknown severity',
      report({ Results: [{ Vulnerabilities: [{ Severity: 'SEVERE' }] }] }),
      /Results\[0\]\.Vulnerabilities\[0\]\.Severity is "SEVERE": Trivy writes one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN/,
    ],
    [
      'a secret without a severity',
      report({ Results: [{ Target: 'x', Secrets: [{ RuleID: 'jwt' }] }] }),
      /Results\[0\]\.Secrets\[0\]\.Severity is missing/,
    ],
    [
      'a misconfiguration with an unknown status',
      report({
        Results: [
          {
            Target: 'Dockerfile',
            Misconfigurations: [{ Severity: 'LOW', Status: 'MAYBE' }],
          },
        ],
      }),
      /Results\[0\]\.Misconfigurations\[0\]\.Status is "MAYBE": Trivy writes FAIL, PASS or EXCEPTION/,
    ],
  ])('refuses %s, naming the field and the fix', (_, input, message) => {
    expect(() => parseTrivyReport(input)).toThrow(message);
  });

  it('reads the demo reports, which are in the real format', () => {
    const payments = JSON.parse(
      fs.readFileSync(path.join(demoTrivy, 'payments-service.json'), 'utf8'),
    );
    expect(parseTrivyReport(payments).counts).toEqual({
      CRITICAL: 1,
      HIGH: 7,
      MEDIUM: 4,
      LOW: 2,
      UNKNOWN: 0,
    });
  });
});
