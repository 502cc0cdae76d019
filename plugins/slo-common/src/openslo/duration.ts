const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 7 * 86400,
};

/**
 * Seconds in a fixed-length duration such as `5m`, `1h` or `28d` (the
 * OpenSLO and Prometheus spelling); undefined for anything else, including
 * the calendar units `M`, `Q` and `Y` whose length depends on the date.
 */
export function durationSeconds(duration: string): number | undefined {
  const match = /^(\d+)([smhdw])$/.exec(duration);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return amount > 0 ? amount * UNIT_SECONDS[match[2]] : undefined;
}
