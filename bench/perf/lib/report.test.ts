import { ratio } from './report';

describe('ratio', () => {
  it('divides the portal by stock', () => {
    expect(ratio(3, 2)).toBe('1.50x');
    expect(ratio(1, 3)).toBe('0.33x');
  });

  it('says n/a when stock has no figure', () => {
    expect(ratio(1, undefined)).toBe('n/a');
    expect(ratio(1, 0)).toBe('n/a');
  });
});
