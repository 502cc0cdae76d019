import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';

/**
 * One headline number of a page: what it counts, the number, and optionally
 * a line of context under it. A colour marks the tile's left edge (e.g. a
 * status or level).
 */
export function HeadlineNumber(props: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  color?: string;
  /** Names the tile for assistive technology, e.g. "Gold components". */
  'aria-label'?: string;
}) {
  const { label, value, note, color } = props;
  return (
    <Paper
      variant="outlined"
      aria-label={props['aria-label']}
      sx={{
        p: 2,
        minWidth: 140,
        height: '100%',
        ...(color ? { borderLeft: `4px solid ${color}` } : {}),
      }}
    >
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" component="p">
        {value}
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary">
          {note}
        </Typography>
      )}
    </Paper>
  );
}

/** The row of headline numbers at the top of an org page, wrapping as needed. */
export function HeadlineRow(props: { children: ReactNode }) {
  return (
    <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
      {props.children}
    </Stack>
  );
}
