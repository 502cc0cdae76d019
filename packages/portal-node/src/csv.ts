import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV the portal lets people download: a header row, then the rows
 * (cells in column order, or objects read by column name).
 * A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, tab, carriage return, and their full-width forms) is written with a
 * leading `'`, so names and evidence that users control stay text. Numbers,
 * negative ones included, stay numbers.
 */
export function exportCsv<Row extends object>(
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<Row>,
): string {
  return stringify(rows as unknown[], {
    header: true,
    columns: [...columns],
    escape_formulas: true,
  });
}
