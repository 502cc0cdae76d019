import {
  apportionCents,
  microsToAmount,
  microsToCents,
  parseMicros,
  roundToCents,
} from './money';

describe('parseMicros', () => {
  it.each([
    ['0', 0],
    ['12.5', 12_500_000],
    ['-3.2', -3_200_000],
    ['+1', 1_000_000],
    ['.5', 500_000],
    ['7.', 7_000_000],
    ['0.000001', 1],
    // Past the sixth decimal, half to even.
    ['0.0000005', 0],
    ['0.0000015', 2],
    ['0.00000151', 2],
    ['-0.0000025', -2],
    ['1.5e-4', 150],
    ['2E3', 2_000_000_000],
    ['1234567.891234', 1_234_567_891_234],
    // 0.1 + 0.2 is not 0.3 in floats; in micros it is.
    ['0.1', 100_000],
    ['0.2', 200_000],
  ])('%s is %d micros', (text, micros) => {
    expect(parseMicros(text)).toBe(micros);
  });

  it.each([
    '',
    '.',
    '1,5',
    '12 EUR',
    'NaN',
    'Infinity',
    '1e999',
    '0x10',
    '--1',
  ])('refuses %j', text => {
    expect(parseMicros(text)).toBeNull();
  });
});

describe('microsToCents', () => {
  it.each([
    [0, 0],
    [4_999, 0],
    [5_000, 1],
    [1_234_565_000, 123_457],
    [-5_000, -1],
    [-4_999, 0],
  ])('%d micros is %d cents', (micros, cents) => {
    expect(microsToCents(micros)).toBe(cents);
  });

  it('adds ten cents three times to exactly thirty', () => {
    const micros = ['0.1', '0.1', '0.1'].reduce(
      (s, t) => s + parseMicros(t)!,
      0,
    );
    expect(microsToAmount(micros)).toBe(0.3);
  });
});

describe('roundToCents', () => {
  // 0.1 + 0.2 is 0.30000000000000004; 1.005 is stored as 1.00499999…
  it.each([
    [[1852.7, 0.005], 1852.71],
    [[0.1, 0.2], 0.3],
    [[1.005], 1.01],
    [[-1.005], -1.01],
    [[-0.001], 0],
    [[1000.004, 0.0009], 1000],
  ])('%j sums to %d', (parts, expected) => {
    expect(roundToCents(parts.reduce((s, p) => s + p, 0))).toBe(expected);
  });
});

describe('apportionCents', () => {
  // Worked by hand: each part's own cents, then the cents the total has
  // and the parts lack go to the parts rounded down the most.
  it.each([
    // 0.004 three times: the total 0.012 is 1 cent, each part 0.
    ['three parts of 0.4 cent', [4_000, 4_000, 4_000], [1, 0, 0]],
    // 1.006 + 2.006 + 0.006 = 3.018: parts 101 + 201 + 1 = 303, total 302.
    ['three parts rounded up', [1_006_000, 2_006_000, 6_000], [100, 201, 1]],
    // 0.0049 is rounded down further than 0.0045: it takes the cent.
    ['the part rounded down most', [4_500, 4_900, 1_000], [0, 1, 0]],
    ['parts that add up already', [1_230_000, 450_000], [123, 45]],
    // A credit: -0.004 + -0.004 = -0.008, -1 cent.
    ['negative parts', [-4_000, -4_000], [-1, 0]],
    [
      'a charge and its credit',
      [10_004_000, -10_000_000, 4_000],
      [1001, -1000, 0],
    ],
    ['no parts', [], []],
  ])('%s', (_, parts, expected) => {
    const cents = apportionCents(parts);
    expect(cents).toEqual(expected);
    // Independently: the parts add up to the total's cents (half away from
    // zero, in BigInt), and none is a cent or more from its exact value.
    const total = parts.reduce((s, p) => s + BigInt(p), 0n);
    const abs = total < 0n ? -total : total;
    const rounded = abs / 10_000n + (abs % 10_000n >= 5_000n ? 1n : 0n);
    expect(BigInt(cents.reduce((s, c) => s + c, 0))).toBe(
      total < 0n ? -rounded : rounded,
    );
    cents.forEach((c, i) =>
      expect(Math.abs(c * 10_000 - parts[i])).toBeLessThan(10_000),
    );
  });
});
