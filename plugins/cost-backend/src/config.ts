import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
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
  opencost?: {
    baseUrl: string;
    workloadLabel: string;
    frequencyMinutes: number;
  };
  /** `gogidix.claims` (schema in the on-call backend, which reads it too). */
  claims: ClaimResolution[];
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
    opencost: opencost && {
      baseUrl: opencost.getString('baseUrl'),
      workloadLabel: opencost.getOptionalString('workloadLabel') ?? 'app',
      frequencyMinutes,
    },
  };
}
