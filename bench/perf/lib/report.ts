import { round } from './stats';

/** A target from issues 10 and 24, judged against a measured figure. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Prints rows as a fixed-width table; the first row is the header. */
export function printTable(rows: string[][]) {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => (row[column] ?? '').length)),
  );
  for (const [index, row] of rows.entries()) {
    console.log(
      row.map((cell, column) => cell.padEnd(widths[column])).join('  '),
    );
    if (index === 0) {
      console.log(widths.map(width => '-'.repeat(width)).join('  '));
    }
  }
}

/** portal / stock, printed with two decimals, or "n/a" without stock. */
export function ratio(portal: number, stock: number | undefined): string {
  if (stock === undefined || stock === 0) {
    return 'n/a';
  }
  return `${round(portal / stock, 2).toFixed(2)}x`;
}

export function printTargets(checks: TargetCheck[]) {
  printTable([
    ['target (issues 10 and 24)', 'measured', 'met'],
    ...checks.map(check => [
      check.target,
      check.measured,
      check.met ? 'yes' : 'NO',
    ]),
  ]);
}
