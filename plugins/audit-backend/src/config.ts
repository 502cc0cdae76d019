import { AuditorServiceEventSeverityLevel } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { AUDIT_SEVERITIES, AuditSeverity } from '@gogidix/plugin-audit-common';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

export const DEFAULT_RETENTION_DAYS = 365;

export interface AuditConfig {
  /** `audit.retentionDays`: events older than this are deleted daily. */
  retentionDays: number;
  /** `audit.storeSeverity`: the least severe event the trail stores. */
  storeSeverity: AuditSeverity;
  /** `backend.auditor.severityLogLevelMappings`: the log level per severity. */
  severityLogLevels: Record<AuditorServiceEventSeverityLevel, LogLevel>;
}

/** Reads and checks `audit.*` and the auditor's log levels once, at start. */
export function readAuditConfig(config: Config): AuditConfig {
  const retentionDays =
    config.getOptionalNumber('audit.retentionDays') ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new InputError(
      `audit.retentionDays must be a whole number of days (1 or more), got ${retentionDays}`,
    );
  }
  return {
    retentionDays,
    storeSeverity: storeSeverity(config),
    severityLogLevels: severityLogLevels(config),
  };
}

/**
 * The log level of each severity, from `backend.auditor.severityLogLevelMappings`
 * with Backstage's defaults, so that logging stays as it was.
 */
function severityLogLevels(
  config: Config,
): Record<AuditorServiceEventSeverityLevel, LogLevel> {
  const levels: Record<AuditorServiceEventSeverityLevel, LogLevel> = {
    low: 'debug',
    medium: 'info',
    high: 'info',
    critical: 'info',
  };
  for (const severity of AUDIT_SEVERITIES) {
    const key = `backend.auditor.severityLogLevelMappings.${severity}`;
    const value = config.getOptionalString(key);
    if (value === undefined) continue;
    if (!LOG_LEVELS.includes(value as LogLevel)) {
      throw new InputError(
        `${key} is '${value}'; use one of ${LOG_LEVELS.join(', ')}`,
      );
    }
    levels[severity] = value as LogLevel;
  }
  return levels;
}

/**
 * The least severe event the audit trail stores, from `audit.storeSeverity`
 * (default `medium`). Every write Backstage audits (catalog and location
 * mutations, scaffolder tasks) and every event of ours is `medium` or above;
 * `low` is Backstage's grade for reads such as each catalog entity fetch,
 * which at catalog page rates would be most of the database's writes.
 * Events below it are still logged as before.
 */
function storeSeverity(config: Config): AuditSeverity {
  const key = 'audit.storeSeverity';
  const value = config.getOptionalString(key) ?? 'medium';
  if (!AUDIT_SEVERITIES.includes(value as AuditSeverity)) {
    throw new InputError(
      `${key} is '${value}'; use one of ${AUDIT_SEVERITIES.join(', ')}`,
    );
  }
  return value as AuditSeverity;
}
