import { ConfigReader } from '@backstage/config';
import { DEFAULT_COST_TAG_KEYS } from '@gogidix/plugin-cost-common';
import { DEFAULT_MAX_IMPORT_BYTES, readCostConfig } from './config';

describe('readCostConfig', () => {
  it('has no demo, no budgets, no OpenCost and the default import limit', () => {
    expect(readCostConfig(new ConfigReader({}))).toEqual({
      demo: false,
      claims: [],
      maxImportBytes: DEFAULT_MAX_IMPORT_BYTES,
      budgets: {},
      tagKeys: DEFAULT_COST_TAG_KEYS,
      opencost: undefined,
    });
  });

  it('reads attribution tag keys and prefixes, keeping defaults for kinds left out', () => {
    const settings = readCostConfig(
      new ConfigReader({
        cost: {
          attribution: {
            tagKeys: { service: ['svc', ' component '] },
            prefixes: ['gogidix', 'user'],
          },
        },
      }),
    );
    expect(settings.tagKeys).toEqual({
      ...DEFAULT_COST_TAG_KEYS,
      service: ['svc', 'component'],
      prefixes: ['gogidix', 'user'],
    });
  });

  it('reads budgets, OpenCost with its defaults and the import limit', () => {
    const settings = readCostConfig(
      new ConfigReader({
        gogidix: { http: { maxImportBytes: 1000 } },
        cost: {
          demo: true,
          budgets: { payments: 5000 },
          opencost: { baseUrl: 'http://opencost:9003' },
        },
      }),
    );
    expect(settings).toMatchObject({
      demo: true,
      maxImportBytes: 1000,
      budgets: { payments: 5000 },
      opencost: {
        baseUrl: 'http://opencost:9003',
        workloadLabel: 'app',
        frequencyMinutes: 60,
      },
    });
  });

  it.each([
    [
      { cost: { budgets: { payments: 0 } } },
      'cost.budgets.payments must be a positive amount',
    ],
    [
      { cost: { opencost: { baseUrl: 'http://o', frequencyMinutes: 0 } } },
      'cost.opencost.frequencyMinutes must be at least 1',
    ],
    [
      { cost: { attribution: { tagKeys: { team: [] } } } },
      'cost.attribution.tagKeys.team must list at least one non-empty tag key',
    ],
    [
      { cost: { attribution: { prefixes: ['aws:eks'] } } },
      'cost.attribution.prefixes: "aws:eks" is not one prefix segment',
    ],
  ])('names the key of a bad value (%j)', (config, message) => {
    expect(() => readCostConfig(new ConfigReader(config))).toThrow(message);
  });
});
