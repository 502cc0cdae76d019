import Chip from '@mui/material/Chip';

const LABELS: Record<
  string,
  { label: string; color: 'success' | 'warning' | 'error' | 'default' }
> = {
  healthy: { label: 'Healthy', color: 'success' },
  'at-risk': { label: 'At risk', color: 'warning' },
  exhausted: { label: 'Exhausted', color: 'error' },
  missing: { label: 'No data', color: 'default' },
  page: { label: 'Paging', color: 'error' },
  ticket: { label: 'Ticket', color: 'warning' },
  ok: { label: 'Not firing', color: 'success' },
  // Nothing evaluated: no alert state, which is not the same as quiet.
  none: { label: 'Not evaluated', color: 'default' },
};

/** A budget status or alert state as a coloured chip. */
export function StatusChip({ status }: { status: string }) {
  const { label, color } = LABELS[status] ?? {
    label: status,
    color: 'default',
  };
  return <Chip size="small" label={label} color={color} variant="outlined" />;
}
