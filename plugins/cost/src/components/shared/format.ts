/**
 * A team as the cost pages show it: its name in the default namespace
 * (`payments` for `group:default/payments`), `finance/payments` in another.
 * A local stand-in until the shared ref formatter lands in portal-common.
 */
export function formatTeam(team: string): string {
  const ref = team.replace(/^group:/, '');
  return ref.startsWith('default/') ? ref.slice('default/'.length) : ref;
}

/** Money as people read it on a cost page: whole units, grouped thousands. */
export function formatCost(value: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(value) < 100 ? 2 : 0,
  }).format(value);
}

/** Money in whole units, for chart axes. */
export function formatWholeCost(value: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(value);
}

/** A relative change as "+12%" / "−8%", or "new" when nothing came before. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) {
    return 'new';
  }
  const percent = Math.round(ratio * 100);
  return `${percent > 0 ? '+' : ''}${percent}%`;
}

/** Day of a `YYYY-MM-DD` date for chart axes, e.g. "14 Nov". */
export function formatDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
