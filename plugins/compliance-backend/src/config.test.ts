import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readComplianceConfig } from './config';

describe('readComplianceConfig', () => {
  it('reads the shipped rules by default', () => {
    const settings = readComplianceConfig(new ConfigReader({}));
    expect(settings.rulesFile).toMatch(/rules\/default\.yaml$/);
    expect(settings.ruleSet.checks.length).toBeGreaterThan(0);
    expect(settings.roundMinutes).toBe(15);
    expect(settings.firstRoundSeconds).toBe(45);
    expect(settings.trivyReportsDir).toBeUndefined();
    expect(settings.bodyLimits).toEqual({
      maxRequestBytes: 5 * 1024 * 1024,
      maxImportBytes: 200 * 1024 * 1024,
    });
  });

  it('names the setting when the rules file is missing', () => {
    expect(() =>
      readComplianceConfig(
        new ConfigReader({ compliance: { rulesFile: '/nowhere/rules.yaml' } }),
      ),
    ).toThrow(/^compliance\.rulesFile: cannot read \/nowhere\/rules\.yaml/);
  });

  it('fails the start with the field at fault when the rules are wrong', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-rules-'));
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(file, 'checks:\n  - id: Bad Id\n');
    try {
      expect(() =>
        readComplianceConfig(
          new ConfigReader({ compliance: { rulesFile: file } }),
        ),
      ).toThrow(/rules\.yaml is invalid:\n {2}checks\.0\.id: use lower-case/);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('refuses a round shorter than a minute', () => {
    expect(() =>
      readComplianceConfig(
        new ConfigReader({ compliance: { roundMinutes: 0 } }),
      ),
    ).toThrow('compliance.roundMinutes must be at least 1, got 0');
  });

  it('takes a first round at start, and names a negative delay', () => {
    expect(
      readComplianceConfig(
        new ConfigReader({ compliance: { firstRoundSeconds: 0 } }),
      ).firstRoundSeconds,
    ).toBe(0);
    expect(() =>
      readComplianceConfig(
        new ConfigReader({ compliance: { firstRoundSeconds: -5 } }),
      ),
    ).toThrow('compliance.firstRoundSeconds must be 0 or more, got -5');
  });

  it('names the request limit that is not a positive whole number', () => {
    expect(() =>
      readComplianceConfig(
        new ConfigReader({ gogidix: { http: { maxImportBytes: 1.5 } } }),
      ),
    ).toThrow(
      'gogidix.http.maxImportBytes must be a positive whole number, got 1.5',
    );
  });
});
