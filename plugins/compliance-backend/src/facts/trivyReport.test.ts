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

describe('parseTrivyReport', () => {
  it('counts vulnerabilities by severity across targets', () => {
    expect(parseTrivyReport(report())).toEqual({
      artifactName: 'harbor.gogidix.dev/listings/listings-service:2.14.3',
      scannedAt: '2026-11-20T08:15:02.123Z',
      counts: { CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
    });
  });

  it('accepts a report from before Trivy wrote CreatedAt', () => {
    const { CreatedAt: _, ...old } = report();
    expect(parseTrivyReport(old).scannedAt).toBeUndefined();
  });

  it.each([
    ['not an object', [], /a Trivy report is a JSON object/],
    [
      'schema version 1',
      report({ SchemaVersion: 1 }),
      /SchemaVersion must be 2/,
    ],
    [
      'no ArtifactName',
      report({ ArtifactName: '' }),
      /ArtifactName is missing/,
    ],
    [
      'a CreatedAt that is no time',
      report({ CreatedAt: 'yesterday' }),
      /CreatedAt is not a time/,
    ],
    ['Results not a list', report({ Results: {} }), /Results must be an array/],
    [
      'an unknown severity',
      report({ Results: [{ Vulnerabilities: [{ Severity: 'SEVERE' }] }] }),
      /Results\[0\]\.Vulnerabilities\[0\]\.Severity must be one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN, got "SEVERE"/,
    ],
  ])('refuses %s', (_, input, message) => {
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
