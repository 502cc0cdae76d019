import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { RuleSet, parseRuleSet } from './rules/ruleSet';

export const DEFAULT_RULES_FILE = resolvePackagePath(
  '@gogidix/plugin-compliance-backend',
  'rules/default.yaml',
);

export interface ComplianceSettings {
  rulesFile: string;
  ruleSet: RuleSet;
  roundMinutes: number;
  trivyReportsDir?: string;
}

/** Reads `compliance.*` and the rules file once, at start. */
export function readComplianceSettings(config: Config): ComplianceSettings {
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
  const trivyReportsDir = config.getOptionalString(
    'compliance.trivyReportsDir',
  );
  return {
    rulesFile,
    ruleSet: parseRuleSet(text, rulesFile),
    roundMinutes,
    trivyReportsDir: trivyReportsDir
      ? path.resolve(trivyReportsDir)
      : undefined,
  };
}
