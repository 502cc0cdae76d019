import { InputError } from '@backstage/errors';

/** How far ahead of the server's clock `at` may be: clocks of callers drift. */
const CLOCK_SKEW_MS = 60_000;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

const FORMAT =
  'an RFC 3339 date-time such as 2026-12-01T10:00:00Z (UTC) or 2026-12-01T11:00:00+01:00';

/**
 * The moment a status or summary is asked for: the `at` query parameter, or
 * now when it is absent. Refuses anything but one RFC 3339 date-time not in
 * the future, naming the field and the format.
 */
export function parseAsOf(value: unknown, now: Date): Date {
  if (value === undefined) return now;
  if (typeof value !== 'string') {
    throw new InputError(`at must be given once, as ${FORMAT}`);
  }
  // An unescaped `+` in a query string arrives as a space (form encoding).
  const text = value.replace(/ (\d{2}:\d{2})$/, '+$1');
  const match = RFC3339.exec(text);
  const date = new Date(text);
  // The date part read back must be the one written: 2026-02-30 is refused,
  // not rolled over to March.
  const sameDay =
    match &&
    !Number.isNaN(date.getTime()) &&
    new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`)
      .toISOString()
      .startsWith(`${match[1]}-${match[2]}-${match[3]}`);
  if (!sameDay) {
    throw new InputError(`at must be ${FORMAT}, got "${value}"`);
  }
  if (date.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new InputError(
      `at (${value}) is in the future; ask for now (leave at out) or a past moment`,
    );
  }
  return date;
}
