import { DurationShorthand } from '../openslo/duration';

/*
 * Calendar-aligned compliance periods (OpenSLO `timeWindow` with a
 * `calendar`): periods repeat from a wall-clock start in an IANA time zone,
 * so a month in Europe/Berlin starts at 22:00 or 23:00 UTC depending on
 * daylight saving time. Intl (ICU, bundled with Node and browsers) knows
 * the zones' rules.
 */

const DAY = 86400;

/** The fixed length standing in for a calendar unit where one is needed. */
const NOMINAL_SECONDS: Record<DurationShorthand['unit'], number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: DAY,
  w: 7 * DAY,
  M: 30 * DAY,
  Q: 90 * DAY,
  Y: 365 * DAY,
};

export function calendarPeriodSeconds(duration: DurationShorthand): number {
  return duration.amount * NOMINAL_SECONDS[duration.unit];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  /** 0-based, as Date.UTC takes it. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(timeZone: string, ms: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month - 1,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

const asUtc = (w: WallClock) =>
  Date.UTC(w.year, w.month, w.day, w.hour, w.minute, w.second);

/** The instant a wall-clock time in `timeZone` happens (the first, in a DST fold). */
function instantOf(timeZone: string, wall: WallClock): number {
  const guess = asUtc(wall);
  const offset = (ms: number) =>
    asUtc(wallClockAt(timeZone, ms)) - Math.floor(ms / 1000) * 1000;
  const first = guess - offset(guess);
  const second = guess - offset(first);
  return Math.min(first, second);
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Where periods are counted from when the document gives no startTime. */
const DEFAULT_ANCHORS: Record<string, WallClock> = {
  // 1970-01-05 was a Monday: weeks start on Mondays (ISO 8601).
  w: { year: 1970, month: 0, day: 5, hour: 0, minute: 0, second: 0 },
  other: { year: 1970, month: 0, day: 1, hour: 0, minute: 0, second: 0 },
};

function parseStartTime(text: string): WallClock {
  const [date, time] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  return { year, month: month - 1, day, hour, minute, second };
}

/**
 * The calendar period that contains `at`: [start, end) as instants, for a
 * window of `duration` (d, w, M, Q or Y) aligned in `timeZone` from
 * `startTime` (or from midnight, Monday, or the first of the month).
 */
export function calendarPeriodAround(
  duration: DurationShorthand,
  timeZone: string,
  startTime: string | undefined,
  at: Date,
): { start: Date; end: Date } {
  const anchor = startTime
    ? parseStartTime(startTime)
    : DEFAULT_ANCHORS[duration.unit === 'w' ? 'w' : 'other'];
  const atMs = at.getTime();
  let boundary: (k: number) => number;
  let k: number;
  if (duration.unit === 'd' || duration.unit === 'w') {
    const step = duration.amount * (duration.unit === 'w' ? 7 : 1);
    boundary = i =>
      instantOf(timeZone, { ...anchor, day: anchor.day + i * step });
    const now = wallClockAt(timeZone, atMs);
    const days = Math.round(
      (Date.UTC(now.year, now.month, now.day) -
        Date.UTC(anchor.year, anchor.month, anchor.day)) /
        (DAY * 1000),
    );
    k = Math.floor(days / step);
  } else {
    const step = duration.amount * { M: 1, Q: 3, Y: 12 }[duration.unit as 'M'];
    const first = anchor.year * 12 + anchor.month;
    boundary = i => {
      const index = first + i * step;
      const year = Math.floor(index / 12);
      const month = index - year * 12;
      const day = Math.min(anchor.day, daysInMonth(year, month));
      return instantOf(timeZone, { ...anchor, year, month, day });
    };
    const now = wallClockAt(timeZone, atMs);
    k = Math.floor((now.year * 12 + now.month - first) / step);
  }
  while (boundary(k) > atMs) k -= 1;
  while (boundary(k + 1) <= atMs) k += 1;
  return { start: new Date(boundary(k)), end: new Date(boundary(k + 1)) };
}
