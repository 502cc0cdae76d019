// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- test fixtures only
import { FOCUS_HEADER, focusValues } from '@gogidix/test-kit';
import { describeFocusProblems, focusNull, parseFocusRow } from './focus';
import {
  checkFocusHeader,
  detectFocusVersion,
  FOCUS_MANDATORY_COLUMNS,
  missingFocusColumns,
} from './focusColumns';

const valid = focusValues({
  BilledCost: '12.50',
  EffectiveCost: '11.25',
  ListCost: '14.00',
  ContractedCost: '12.50',
  ResourceId: 'i-0abc',
  ResourceName: 'listings-node',
});

describe('FOCUS columns per version', () => {
  it('has the 21 mandatory columns of 1.0 in 1.0, 1.1 and 1.2', () => {
    for (const version of ['1.0', '1.1', '1.2'] as const) {
      expect(FOCUS_MANDATORY_COLUMNS[version]).toHaveLength(21);
      expect(FOCUS_MANDATORY_COLUMNS[version]).toContain('ChargeClass');
      expect(FOCUS_MANDATORY_COLUMNS[version]).toContain('ContractedCost');
    }
  });

  it.each([
    ['the test header', FOCUS_HEADER, []],
    [
      'a header without ChargeClass (the file that replaced a month)',
      FOCUS_HEADER.filter(c => c !== 'ChargeClass'),
      ['ChargeClass'],
    ],
    [
      'a header without costs',
      FOCUS_HEADER.filter(c => !c.endsWith('Cost')),
      ['BilledCost', 'ContractedCost', 'EffectiveCost', 'ListCost'],
    ],
    ['a header with padding', FOCUS_HEADER.map(c => ` ${c} `), []],
  ])('%s', (_, header, missing) => {
    expect(missingFocusColumns(header)).toEqual(missing);
  });

  it.each([
    ['only 1.0 columns', [...FOCUS_HEADER], '1.0'],
    [
      'ServiceSubcategory (1.1)',
      [...FOCUS_HEADER, 'ServiceSubcategory'],
      '1.1',
    ],
    ['SkuPriceDetails (1.1)', [...FOCUS_HEADER, 'SkuPriceDetails'], '1.1'],
    [
      'InvoiceId and ServiceSubcategory (1.2)',
      [...FOCUS_HEADER, 'ServiceSubcategory', 'InvoiceId'],
      '1.2',
    ],
    ['PricingCurrency (1.2)', [...FOCUS_HEADER, 'PricingCurrency'], '1.2'],
  ])('detects the version from %s', (_, header, version) => {
    expect(detectFocusVersion(header)).toBe(version);
  });

  it('prefers a declared version to the columns', () => {
    expect(checkFocusHeader(FOCUS_HEADER, '1.2')).toEqual({
      version: '1.2',
      versionFrom: 'declared',
      missing: [],
    });
  });
});

describe('focusNull', () => {
  it.each([
    ['', true],
    ['  ', true],
    ['NULL', true],
    ['null', true],
    [' Null ', true],
    [undefined, true],
    ['0', false],
    ['NULLABLE', false],
  ])('%j is null: %s', (value, expected) => {
    expect(focusNull(value)).toBe(expected);
  });
});

describe('parseFocusRow', () => {
  it('reads a valid row, costs as exact micros', () => {
    expect(parseFocusRow(valid, 2)).toEqual({
      ok: true,
      row: {
        billingAccountId: 'acct-1',
        billingPeriodStart: '2026-10-01',
        chargeDate: '2026-10-14',
        billedMicros: 12_500_000,
        effectiveMicros: 11_250_000,
        listMicros: 14_000_000,
        contractedMicros: 12_500_000,
        billedCost: 12.5,
        effectiveCost: 11.25,
        currency: 'EUR',
        serviceCategory: 'Compute',
        serviceName: 'Amazon Elastic Compute Cloud',
        chargeCategory: 'Usage',
        chargeClass: null,
        chargeFrequency: 'Usage-Based',
        pricingCategory: 'Standard',
        resourceId: 'i-0abc',
        resourceName: 'listings-node',
        tags: { service: 'listings-service', team: 'listings' },
      },
    });
  });

  it.each([
    ['credits may be negative', { BilledCost: '-3.2', EffectiveCost: '-3' }],
    ['fractional seconds', { ChargePeriodStart: '2026-10-14T00:00:00.000Z' }],
    ['a +00:00 offset', { ChargePeriodStart: '2026-10-14T00:00:00+00:00' }],
    ['exponent notation', { BilledCost: '1.5e-4' }],
    ['no tags', { Tags: '' }],
    ['NULL tags', { Tags: 'NULL' }],
    ['tags in any key order and spacing', { Tags: '{ "team" : "a" ,"x":1}' }],
    ['no resource', { ResourceId: '', ResourceName: '' }],
    ['a correction', { ChargeClass: 'Correction', PricingCategory: '' }],
    [
      'a tax with no pricing category',
      { ChargeCategory: 'Tax', PricingCategory: 'NULL' },
    ],
    ['a null ChargeDescription', { ChargeDescription: 'NULL' }],
    ['a null PricingQuantity', { PricingQuantity: 'null' }],
  ])('accepts %s', (_, change) => {
    expect(parseFocusRow({ ...valid, ...change }, 5).ok).toBe(true);
  });

  it('never keeps the text NULL as a value', () => {
    const result = parseFocusRow(
      { ...valid, ResourceId: 'NULL', ResourceName: 'null', Tags: 'NULL' },
      2,
    );
    expect(result.ok && result.row).toMatchObject({
      resourceId: null,
      resourceName: null,
      tags: {},
    });
  });

  it('reads a key-only tag and number values as strings', () => {
    const result = parseFocusRow(
      { ...valid, Tags: '{"gogidix:team":"ai","env":null,"tier":2}' },
      2,
    );
    expect(result.ok && result.row.tags).toEqual({
      'gogidix:team': 'ai',
      env: '',
      tier: '2',
    });
  });

  it.each([
    [
      'a bad number',
      { BilledCost: '12,50' },
      'line 7: BilledCost "12,50" is not a decimal number',
    ],
    [
      'a date without time',
      { ChargePeriodStart: '2026-10-14' },
      'line 7: ChargePeriodStart "2026-10-14" is not an ISO 8601 UTC date-time (YYYY-MM-DDTHH:mm:ssZ)',
    ],
    [
      'a date with a space and no zone',
      { ChargePeriodStart: '2026-10-14 00:00:00' },
      'line 7: ChargePeriodStart "2026-10-14 00:00:00" is not an ISO 8601 UTC date-time (YYYY-MM-DDTHH:mm:ssZ)',
    ],
    [
      'a local offset',
      { ChargePeriodEnd: '2026-10-15T00:00:00+02:00' },
      'line 7: ChargePeriodEnd "2026-10-15T00:00:00+02:00" is not an ISO 8601 UTC date-time (YYYY-MM-DDTHH:mm:ssZ)',
    ],
    [
      'an impossible date',
      { BillingPeriodStart: '2026-02-30T00:00:00Z' },
      'line 7: BillingPeriodStart "2026-02-30T00:00:00Z" is not a calendar date',
    ],
    [
      'an empty account',
      { BillingAccountId: ' ' },
      'line 7: BillingAccountId is null',
    ],
    [
      'a NULL ServiceName',
      { ServiceName: 'NULL' },
      'line 7: ServiceName is null',
    ],
    [
      'a lower-case currency',
      { BillingCurrency: 'eur' },
      'line 7: BillingCurrency "eur" is not an ISO 4217 code',
    ],
    [
      'an unknown service category',
      { ServiceCategory: 'Kubernetes' },
      'line 7: ServiceCategory "Kubernetes" is not one of AI and Machine Learning, Analytics, Business Applications, Compute, Databases, Developer Tools, Multicloud, Identity, Integration, Internet of Things, Management and Governance, Media, Migration, Mobile, Networking, Security, Storage, Web, Other',
    ],
    [
      'an unknown charge category',
      { ChargeCategory: 'Refund' },
      'line 7: ChargeCategory "Refund" is not one of Usage, Purchase, Tax, Credit, Adjustment',
    ],
    [
      'a ChargeClass other than Correction',
      { ChargeClass: 'Regular' },
      'line 7: ChargeClass "Regular" is not one of Correction',
    ],
    [
      'an unknown charge frequency',
      { ChargeFrequency: 'Monthly' },
      'line 7: ChargeFrequency "Monthly" is not one of One-Time, Recurring, Usage-Based',
    ],
    [
      'an unknown pricing category',
      { PricingCategory: 'Spot' },
      'line 7: PricingCategory "Spot" is not one of Standard, Dynamic, Committed, Other',
    ],
    [
      'an unknown commitment status',
      { CommitmentDiscountStatus: 'Partial' },
      'line 7: CommitmentDiscountStatus "Partial" is not one of Used, Unused',
    ],
    [
      'usage with no pricing category',
      { PricingCategory: '' },
      'line 7: PricingCategory is null on a Usage charge that is no correction',
    ],
    [
      'a tax with a pricing category',
      { ChargeCategory: 'Tax' },
      'line 7: PricingCategory must be null on a Tax charge',
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
    [
      'a nested tag value',
      { Tags: '{"team":{"name":"a"}}' },
      'line 7: Tags key "team" holds an object; tag values are strings',
    ],
    [
      'a version column that differs',
      { x_FocusVersion: '1.1' },
      'line 7: x_FocusVersion "1.1" differs from the file\'s FOCUS version 1.0',
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
      'ChargePeriodStart',
      'BilledCost',
    ]);
  });
});
