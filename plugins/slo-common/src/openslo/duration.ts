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

/** An OpenSLO duration-shorthand: a positive integer and one unit letter. */
export interface DurationShorthand {
  amount: number;
  unit: 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';
}

export function parseDurationShorthand(
  text: string,
): DurationShorthand | undefined {
  const match = /^(\d+)([smhdwMQY])$/.exec(text);
  if (!match || Number(match[1]) <= 0) return undefined;
  return {
    amount: Number(match[1]),
    unit: match[2] as DurationShorthand['unit'],
  };
}

// Largest unit first; years and weeks only when they divide exactly, as
// Prometheus's own formatter does (so 28 days is `4w` and 30 days `30d`).
const PROMETHEUS_UNITS: Array<[string, number, boolean]> = [
  ['y', 365 * 86400, true],
  ['w', 7 * 86400, true],
  ['d', 86400, false],
  ['h', 3600, false],
  ['m', 60, false],
  ['s', 1, false],
];

/**
 * A whole number of seconds in Prometheus duration syntax, spelled the way
 * Prometheus (and so Sloth) prints durations: `4w`, `30d`, `1d12h`, `90s`.
 * Never a fraction such as `1.5d`, which Prometheus cannot parse.
 */
export function prometheusDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new RangeError(
      `${seconds} seconds is not a whole, positive number of seconds; Prometheus durations cannot express it`,
    );
  }
  let rest = seconds;
  let text = '';
  for (const [unit, size, exactOnly] of PROMETHEUS_UNITS) {
    if (exactOnly && rest % size !== 0) continue;
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text;
}
