import { budgetAxisWidth, budgetTick, burn, percent } from './format';

describe('budgetTick', () => {
  it.each<[number, number, string]>([
    [-110, 0, '\u2212110%'],
    [-0.4, 0, '0%'],
    [0, 0, '0%'],
    [60, 0, '60%'],
    [100, 0, '100%'],
    [-12.34, 1, '\u221212.3%'],
    [60.45, 1, '60.5%'],
  ])('%d (%d digits) reads %s', (value, digits, expected) => {
    expect(budgetTick(value, digits)).toBe(expected);
  });
});

describe('budgetAxisWidth', () => {
  it('fits the minus sign and every digit of the widest tick', () => {
    // "−110%" is five characters, "100%" four.
    expect(budgetAxisWidth(-110, 100)).toBe(12 + 9 * 5);
    expect(budgetAxisWidth(0, 100)).toBe(12 + 9 * 4);
    expect(budgetAxisWidth(-1250, 100)).toBe(12 + 9 * 6);
  });
});

describe('percent and burn', () => {
  it.each<[number | 'missing' | null, string]>([
    [0.99912, '99.912%'],
    ['missing', 'no data'],
    [null, 'no data'],
  ])('percent(%s) is %s', (value, expected) => {
    expect(percent(value)).toBe(expected);
  });

  it('says no data for a missing burn rate', () => {
    expect(burn('missing')).toBe('no data');
    expect(burn(2.44)).toBe('2.4x');
  });
});
