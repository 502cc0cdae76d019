import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { RuleSet, parseRuleSet } from './rules/ruleSet';
import { DEFAULT_BODY_LIMITS } from './service/router';

export const DEFAULT_RULES_FILE = resolvePackagePath(
  '@gogidix/plugin-compliance-backend',
  'rules/default.yaml',
);

export interface ComplianceConfig {
  rulesFile: string;
  ruleSet: RuleSet;
  roundMinutes: number;
  /** Seconds from start to the first round. */
  firstRoundSeconds: number;
  trivyReportsDir?: string;
  /** `gogidix.http.maxRequestBytes` and `maxImportBytes` (Trivy reports). */
  bodyLimits: { maxRequestBytes: number; maxImportBytes: number };
}

/** Reads `compliance.*`, the request limits and the rules file once, at start. */
export function readComplianceConfig(config: Config): ComplianceConfig {
  const rulesFile = path.resolve(
    config.getOptionalString('compliance.rulesFile') ?? DEFAULT_RULES_FILE,
  );
  let text: string;
  try {
    text = fs.readFileSync(rulesFile, 'utf8');
  } catch (error) {
    throw new Error(
      `compliance.rulesFile: cannot read ${rulesFile}: ${
        (error as Error).message
      }`,
    );
  }
  const roundMinutes =
    config.getOptionalNumber('compliance.roundMinutes') ?? 15;
  if (!(roundMinutes >= 1)) {
    throw new Error(
      `compliance.roundMinutes must be at least 1, got ${roundMinutes}`,
    );
  }
  // The catalog and the SLO plugin fill in over the first minute after a
  // start, so the first round waits 45 s unless told otherwise.
  const firstRoundSeconds =
    config.getOptionalNumber('compliance.firstRoundSeconds') ?? 45;
  if (!(firstRoundSeconds >= 0)) {
    throw new Error(
      `compliance.firstRoundSeconds must be 0 or more, got ${firstRoundSeconds}`,
    );
  }
  const trivyReportsDir = config.getOptionalString(
    'compliance.trivyReportsDir',
  );
  return {
    rulesFile,
    ruleSet: parseRuleSet(text, rulesFile),
    roundMinutes,
    firstRoundSeconds,
    trivyReportsDir: trivyReportsDir
      ? path.resolve(trivyReportsDir)
      : undefined,
    bodyLimits: {
      maxRequestBytes: bodyLimit(config, 'maxRequestBytes'),
      maxImportBytes: bodyLimit(config, 'maxImportBytes'),
    },
  };
}

function bodyLimit(
  config: Config,
  name: keyof typeof DEFAULT_BODY_LIMITS,
): number {
  const key = `gogidix.http.${name}`;
  const value = config.getOptionalNumber(key) ?? DEFAULT_BODY_LIMITS[name];
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${key} must be a positive whole number, got ${value}`);
  }
  return value;
}
