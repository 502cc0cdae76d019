import { ConfigReader } from '@backstage/config';
import { readAuditConfig } from './config';

describe('readAuditConfig', () => {
  it('keeps a year, stores medium and above, and logs as Backstage does', () => {
    expect(readAuditConfig(new ConfigReader({}))).toEqual({
      retentionDays: 365,
      storeSeverity: 'medium',
      severityLogLevels: {
        low: 'debug',
        medium: 'info',
        high: 'info',
        critical: 'info',
      },
    });
  });

  it('reads each key when set', () => {
    const settings = readAuditConfig(
      new ConfigReader({
        audit: { retentionDays: 30, storeSeverity: 'high' },
        backend: { auditor: { severityLogLevelMappings: { low: 'warn' } } },
      }),
    );
    expect(settings.retentionDays).toBe(30);
    expect(settings.storeSeverity).toBe('high');
    expect(settings.severityLogLevels.low).toBe('warn');
  });

  it.each([
    [
      { audit: { retentionDays: 0.5 } },
      'audit.retentionDays must be a whole number of days (1 or more), got 0.5',
    ],
    [
      { audit: { storeSeverity: 'verbose' } },
      "audit.storeSeverity is 'verbose'; use one of low, medium, high, critical",
    ],
    [
      { backend: { auditor: { severityLogLevelMappings: { high: 'loud' } } } },
      "backend.auditor.severityLogLevelMappings.high is 'loud'; use one of debug, info, warn, error",
    ],
  ])('names the key of a bad value (%j)', (config, message) => {
    expect(() => readAuditConfig(new ConfigReader(config))).toThrow(message);
  });
});
