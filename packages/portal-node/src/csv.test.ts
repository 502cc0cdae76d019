import { exportCsv } from './csv';

describe('exportCsv', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `'+1`],
    ['-1', `'-1`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `"'\r=1"`],
    ['\uFF1D1', `'\uFF1D1`],
    ['team-a', 'team-a'],
    ['a=b', 'a=b'],
  ])('writes the text %j as %j', (value, cell) => {
    expect(exportCsv(['name'], [[value]])).toBe(`name\n${cell}\n`);
  });

  it('keeps numbers, negative ones included, as numbers', () => {
    expect(exportCsv(['cost'], [[-12.5], [3]])).toBe('cost\n-12.5\n3\n');
  });

  it('reads records by column name and writes missing cells empty', () => {
    expect(
      exportCsv(['team', 'cost'], [{ team: '=1', cost: 2, other: 'x' }, {}]),
    ).toBe(`team,cost\n'=1,2\n,\n`);
  });
});
