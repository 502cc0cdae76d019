import { FOCUS_HEADER, focusCsv, focusRow, focusValues } from './focus';

describe('FOCUS fixtures', () => {
  it('write a value for every header column, null only where FOCUS means it', () => {
    const values = focusValues();
    expect(Object.keys(values)).toEqual([...FOCUS_HEADER]);
    // ChargeClass is null on a charge that is no correction.
    expect(
      Object.entries(values)
        .filter(([, v]) => v === '')
        .map(([column]) => column),
    ).toEqual(['ChargeClass']);
  });

  it('override single columns and quote what CSV must quote', () => {
    const row = focusRow({ EffectiveCost: '7', ServiceName: 'a "b", c' });
    const cells = row.split(',');
    expect(cells[FOCUS_HEADER.indexOf('EffectiveCost')]).toBe('7');
    expect(row).toContain('"a ""b"", c"');
    expect(row).toContain('"{""service"":""listings-service""');
  });

  it('follow a header given in another order or with fewer columns', () => {
    expect(focusRow({ BilledCost: '3' }, ['Tags', 'BilledCost'])).toBe(
      '"{""service"":""listings-service"",""team"":""listings""}",3',
    );
  });

  it('put the header line first', () => {
    const csv = focusCsv([focusRow(), focusRow()]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe(FOCUS_HEADER.join(','));
    expect(lines).toHaveLength(3);
  });
});
