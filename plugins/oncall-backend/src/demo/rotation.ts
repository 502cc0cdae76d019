/** One person's turn in a rotation: from `start` (inclusive) to `end`. */
export interface RotationShift {
  member: string;
  start: Date;
  end: Date;
}

const WEEK_MS = 7 * 86_400_000;
/** Hand-overs are on Mondays at 09:00 UTC; 2024-01-01 was a Monday. */
const FIRST_HANDOVER_MS = Date.UTC(2024, 0, 1, 9);

/**
 * A weekly rotation through a team's members in the order given: the
 * shifts that overlap `[since, until)`, each whole (PagerDuty reports an
 * on-call's full span, not the part inside the window asked for). With no
 * members there is nobody on call.
 */
export function weeklyRotation(
  members: string[],
  since: Date,
  until: Date,
): RotationShift[] {
  if (members.length === 0 || until.getTime() < since.getTime()) {
    return [];
  }
  const first = Math.floor((since.getTime() - FIRST_HANDOVER_MS) / WEEK_MS);
  // A window of no length still has whoever is on call at that instant.
  const last = Math.max(
    first,
    Math.ceil((until.getTime() - FIRST_HANDOVER_MS) / WEEK_MS) - 1,
  );
  const shifts: RotationShift[] = [];
  for (let week = first; week <= last; week++) {
    const start = FIRST_HANDOVER_MS + week * WEEK_MS;
    shifts.push({
      member: members[modulo(week, members.length)],
      start: new Date(start),
      end: new Date(start + WEEK_MS),
    });
  }
  return shifts;
}

function modulo(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * A stable PagerDuty-style ID (`P` and six capitals or digits) for a demo
 * object, so links and URLs stay the same across restarts.
 */
export function demoObjectId(kind: string, name: string): string {
  // FNV-1a, 32 bits: small, stable and well spread for short names.
  let hash = 0x811c9dc5;
  for (const char of `${kind}:${name}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `P${hash.toString(36).toUpperCase().padStart(6, '0').slice(-6)}`;
}
