import {
  CHECK_LEVELS,
  CheckLevel,
  CheckStatus,
  ControlStatus,
  ScorecardLevel,
  StatusCounts,
} from './api';

/** A waived check counts as met; an error or a pending check does not. */
export const meets = (status: CheckStatus) =>
  status === 'pass' || status === 'waived';

/**
 * The highest level whose checks, and those of every level below it, are
 * all met. A level with no applicable check is met trivially, but only on
 * top of the levels below it.
 */
export function scorecardLevel(
  checks: Array<{ level: CheckLevel; status: CheckStatus }>,
): ScorecardLevel {
  let reached: ScorecardLevel = 'none';
  for (const level of CHECK_LEVELS) {
    if (!checks.filter(c => c.level === level).every(c => meets(c.status))) {
      break;
    }
    reached = level;
  }
  return reached;
}

/**
 * A control fails if any mapped check fails; an error masks a pass or a
 * pending check; a pending check masks a pass.
 */
export function controlStatus(statuses: CheckStatus[]): ControlStatus {
  if (statuses.some(s => s === 'fail')) return 'fail';
  if (statuses.some(s => s === 'error')) return 'error';
  if (statuses.some(s => s === 'pending')) return 'pending';
  return 'pass';
}

const COUNTED: Record<CheckStatus, keyof StatusCounts> = {
  pass: 'passed',
  fail: 'failed',
  error: 'errors',
  pending: 'pending',
  waived: 'waived',
};

export function countStatuses(statuses: CheckStatus[]): StatusCounts {
  const counts = { passed: 0, failed: 0, errors: 0, pending: 0, waived: 0 };
  for (const status of statuses) counts[COUNTED[status]]++;
  return counts;
}

/** Met checks over all checks (pending ones not met), or null with none. */
export function passRate(counts: StatusCounts): number | null {
  const total =
    counts.passed +
    counts.failed +
    counts.errors +
    counts.pending +
    counts.waived;
  return total === 0 ? null : (counts.passed + counts.waived) / total;
}
