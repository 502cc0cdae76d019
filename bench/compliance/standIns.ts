// What both compliance benches give the plugin in place of the portal:
// the default rule set, and no URL reader (their repositories are on disk,
// read through \`file:\` locations).
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleSet } from '../../plugins/compliance-backend/src/rules/ruleSet';

export const noUrlReader = {
  readUrl: async () => {
    throw new Error('not used');
  },
  readTree: async () => {
    throw new Error('not used');
  },
  search: async () => {
    throw new Error('not used');
  },
} as UrlReaderService;

const rulesFile = join(
  __dirname,
  '../../plugins/compliance-backend/rules/default.yaml',
);
export const ruleSet = parseRuleSet(readFileSync(rulesFile, 'utf8'), rulesFile);
