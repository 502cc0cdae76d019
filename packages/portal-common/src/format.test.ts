import { formatPercent, formatRef } from './format';

describe('formatRef', () => {
  it('drops the kind and the default namespace', () => {
    expect(formatRef('group:default/listings')).toBe('listings');
    expect(formatRef('component:default/search-service')).toBe(
      'search-service',
    );
  });

  it('keeps a namespace other than default', () => {
    expect(formatRef('group:finance/payments')).toBe('finance/payments');
  });

  it('shows a bare name or a ref without kind as a name', () => {
    expect(formatRef('listings')).toBe('listings');
    expect(formatRef('default/listings')).toBe('listings');
    expect(formatRef('finance/payments')).toBe('finance/payments');
  });

  it('does not take a namespace called default-something for default', () => {
    expect(formatRef('group:defaults/x')).toBe('defaults/x');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent by default', () => {
    expect(formatPercent(0.8333)).toBe('83%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('keeps up to the given digits and drops trailing zeros', () => {
    expect(formatPercent(0.99912, { digits: 3 })).toBe('99.912%');
    expect(formatPercent(0.995, { digits: 3 })).toBe('99.5%');
    expect(formatPercent(0.5, { digits: 3 })).toBe('50%');
    expect(formatPercent(0.12345, { digits: 1 })).toBe('12.3%');
  });

  it('says what is missing instead of a number', () => {
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(undefined, { missing: 'no data' })).toBe('no data');
    expect(formatPercent(Number.NaN, { missing: 'new' })).toBe('new');
  });

  it('signs a change when asked', () => {
    expect(formatPercent(0.2, { sign: true })).toBe('+20%');
    expect(formatPercent(-0.08, { sign: true })).toBe('-8%');
    expect(formatPercent(0, { sign: true })).toBe('0%');
    expect(formatPercent(-0.001, { sign: true })).toBe('0%');
    expect(formatPercent(0.2)).toBe('20%');
  });
});
