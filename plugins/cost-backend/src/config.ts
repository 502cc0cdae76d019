import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CostTagKeys,
  DEFAULT_COST_TAG_KEYS,
} from '@gogidix/plugin-cost-common';
import {
  ClaimResolution,
  parseClaimResolutions,
} from '@gogidix/plugin-oncall-common';

/** gogidix.http.maxImportBytes when unset (the backend's default too). */
export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface CostConfig {
  demo: boolean;
  /** The largest import, received and decompressed (gogidix.http.maxImportBytes). */
  maxImportBytes: number;
  budgets: Record<string, number>;
  /** Which tags attribute imported charges (`cost.attribution`). */
  tagKeys: CostTagKeys;
  opencost?: {
    baseUrl: string;
    workloadLabel: string;
    frequencyMinutes: number;
  };
  /** `gogidix.claims` (schema in the on-call backend, which reads it too). */
  claims: ClaimResolution[];
}

const TAG_KINDS = ['service', 'team', 'namespace', 'workload'] as const;
// One prefix segment: no colon inside, or `*` for any.
const PREFIX = /^(\*|[^:\s*]+)$/;

function readTagKeys(config: Config | undefined): CostTagKeys {
  const keys = config?.getOptionalConfig('tagKeys');
  const result: CostTagKeys = { ...DEFAULT_COST_TAG_KEYS };
  for (const kind of TAG_KINDS) {
    const list = keys?.getOptionalStringArray(kind);
    if (list === undefined) continue;
    const trimmed = list.map(k => k.trim());
    if (trimmed.length === 0 || trimmed.some(k => !k)) {
      throw new InputError(
        `cost.attribution.tagKeys.${kind} must list at least one non-empty tag key`,
      );
    }
    result[kind] = trimmed;
  }
  const prefixes = config?.getOptionalStringArray('prefixes');
  if (prefixes !== undefined) {
    const bad = prefixes.find(p => !PREFIX.test(p.trim()));
    if (bad !== undefined) {
      throw new InputError(
        `cost.attribution.prefixes: "${bad}" is not one prefix segment (no colon or space), or "*" for any`,
      );
    }
    result.prefixes = prefixes.map(p => p.trim());
  }
  return result;
}

/** Reads and checks the `cost` section once, at start. */
export function readCostConfig(config: Config): CostConfig {
  const cost = config.getOptionalConfig('cost');
  const budgets: Record<string, number> = {};
  const budgetConfig = cost?.getOptionalConfig('budgets');
  for (const team of budgetConfig?.keys() ?? []) {
    const amount = budgetConfig!.getNumber(team);
    if (!(amount > 0)) {
      throw new InputError(`cost.budgets.${team} must be a positive amount`);
    }
    budgets[team] = amount;
  }
  const opencost = cost?.getOptionalConfig('opencost');
  const frequencyMinutes =
    opencost?.getOptionalNumber('frequencyMinutes') ?? 60;
  if (!(frequencyMinutes >= 1)) {
    throw new InputError('cost.opencost.frequencyMinutes must be at least 1');
  }
  return {
    demo: cost?.getOptionalBoolean('demo') ?? false,
    claims: parseClaimResolutions(
      (config.getOptionalConfigArray('gogidix.claims') ?? []).map(entry => ({
        annotation: entry.getString('annotation'),
        value: entry.getString('value'),
        owner: entry.getString('owner'),
      })),
    ),
    // The backend checks a declared length against the same key; a body
    // streamed without one, or gzipped, is counted here as it is read.
    maxImportBytes:
      config.getOptionalNumber('gogidix.http.maxImportBytes') ??
      DEFAULT_MAX_IMPORT_BYTES,
    budgets,
    tagKeys: readTagKeys(cost?.getOptionalConfig('attribution')),
    opencost: opencost && {
      baseUrl: opencost.getString('baseUrl'),
      workloadLabel: opencost.getOptionalString('workloadLabel') ?? 'app',
      frequencyMinutes,
    },
  };
}
