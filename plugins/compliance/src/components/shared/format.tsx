import {
  CheckStatus,
  ControlStatus,
  ScorecardLevel,
} from '@gogidix/plugin-compliance-common';
import Chip from '@mui/material/Chip';

/** "2026-11-27T09:00:00.000Z" -> "2026-11-27 09:00 UTC" */
export const when = (iso: string | null | undefined) =>
  iso ? `${iso.replace('T', ' ').slice(0, 16)} UTC` : 'never';

const STATUS = {
  pass: { label: 'Pass', color: 'success' },
  fail: { label: 'Fail', color: 'error' },
  error: { label: 'Error', color: 'warning' },
  pending: { label: 'Pending', color: 'default' },
  waived: { label: 'Waived', color: 'info' },
} as const;

export function StatusChip({
  status,
}: {
  status: CheckStatus | ControlStatus;
}) {
  const { label, color } = STATUS[status];
  return <Chip size="small" label={label} color={color} />;
}

export const LEVEL_COLORS: Record<ScorecardLevel, string> = {
  gold: '#c9a227',
  silver: '#9e9e9e',
  bronze: '#a0522d',
  none: '#616161',
};

export const levelLabel = (level: ScorecardLevel) =>
  level === 'none' ? 'No level' : level[0].toUpperCase() + level.slice(1);

export function LevelChip({
  level,
  size = 'small',
}: {
  level: ScorecardLevel;
  size?: 'small' | 'medium';
}) {
  return (
    <Chip
      size={size}
      label={levelLabel(level)}
      sx={{
        bgcolor: LEVEL_COLORS[level],
        color: '#fff',
        fontWeight: 600,
      }}
    />
  );
}

/** Table cells holding names: wrap between words, never inside one. */
export const NAME_CELL = { whiteSpace: 'nowrap' } as const;
/** Table cells holding sentences: wrap, so a table never needs to scroll. */
export const TEXT_CELL = {
  whiteSpace: 'normal',
  overflowWrap: 'break-word',
  minWidth: 200,
} as const;

/** A fact's value as an auditor reads it. */
export const showValue = (value: unknown) =>
  typeof value === 'string' ? value : JSON.stringify(value);
