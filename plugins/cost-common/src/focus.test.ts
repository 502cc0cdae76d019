// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test fixtures only
import { focusValues } from '@gogidix/test-kit';
import {
  describeFocusProblems,
  missingFocusColumns,
  parseFocusRow,
  FOCUS_REQUIRED_COLUMNS,
} from './focus';

const valid = focusValues({
  BilledCost: '12.50',
  EffectiveCost: '11.25',
  ResourceId: 'i-0abc',
  ResourceName: 'listings-node',
});

describe('missingFocusColumns', () => {
  it.each([
    ['a full header', [...FOCUS_REQUIRED_COLUMNS, 'Tags'], []],
    [
      'a header without costs',
      FOCUS_REQUIRED_COLUMNS.filter(c => !c.endsWith('Cost')),
      ['BilledCost', 'EffectiveCost'],
    ],
    ['a header with padding', FOCUS_REQUIRED_COLUMNS.map(c => ` ${c} `), []],
  ])('%s', (_, header, missing) => {
    expect(missingFocusColumns(header)).toEqual(missing);
  });
});

describe('parseFocusRow', () => {
  it('reads a valid row', () => {
    expect(parseFocusRow(valid, 2)).toEqual({
      ok: true,
      row: {
        billingAccountId: 'acct-1',
        billingPeriodStart: '2026-10-01',
        chargeDate: '2026-10-14',
        billedCost: 12.5,
        effectiveCost: 11.25,
        currency: 'EUR',
        serviceCategory: 'Compute',
        serviceName: 'Amazon Elastic Compute Cloud',
        chargeCategory: 'Usage',
        resourceId: 'i-0abc',
        resourceName: 'listings-node',
        tags: { service: 'listings-service', team: 'listings' },
      },
    });
  });

  it.each([
    ['credits may be negative', { BilledCost: '-3.2', EffectiveCost: '-3' }],
    ['dates without time', { ChargePeriodStart: '2026-10-14' }],
    ['exponent notation', { BilledCost: '1.5e-4' }],
    ['no tags', { Tags: '' }],
    ['no resource', { ResourceId: '', ResourceName: '' }],
  ])('accepts %s', (_, change) => {
    expect(parseFocusRow({ ...valid, ...change }, 5).ok).toBe(true);
  });

  it.each([
    [
      'a bad number',
      { BilledCost: '12,50' },
      'line 7: BilledCost "12,50" is not a decimal number',
    ],
    [
      'a bad date',
      { ChargePeriodStart: '14/10/2026' },
      'line 7: ChargePeriodStart "14/10/2026" is not an ISO 8601 UTC date',
    ],
    [
      'an impossible date',
      { BillingPeriodStart: '2026-02-30' },
      'line 7: BillingPeriodStart "2026-02-30" is not a calendar date',
    ],
    [
      'an empty account',
      { BillingAccountId: ' ' },
      'line 7: BillingAccountId is empty',
    ],
    [
      'a lower-case currency',
      { BillingCurrency: 'eur' },
      'line 7: BillingCurrency "eur" is not an ISO 4217 code',
    ],
    [
      'an unknown category',
      { ServiceCategory: 'Kubernetes' },
      'line 7: ServiceCategory "Kubernetes" is not a FOCUS category',
    ],
    [
      'tags that are not an object',
      { Tags: '["a"]' },
      'line 7: Tags is not a JSON object of key-value pairs',
    ],
    [
      'tags that are not JSON',
      { Tags: 'service=x' },
      'line 7: Tags is not a JSON object of key-value pairs',
    ],
  ])('rejects %s with its line', (_, change, message) => {
    const result = parseFocusRow({ ...valid, ...change }, 7);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : describeFocusProblems(result.problems)).toBe(
      message,
    );
  });

  it('reports every problem of a row', () => {
    const result = parseFocusRow(
      { ...valid, BilledCost: 'x', EffectiveCost: '', ChargePeriodStart: 'y' },
      3,
    );
    expect(result.ok ? [] : result.problems.map(p => p.column)).toEqual([
      'EffectiveCost',
      'BilledCost',
      'ChargePeriodStart',
    ]);
  });
});
