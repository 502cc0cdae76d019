import { InfoCard } from '@backstage/core-components';
import { SuccessTarget } from '@gogidix/plugin-delivery-common';
import { formatPercent } from '@gogidix/portal-common';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatMinutes } from '../shared/format';

/** A goal or measured value in its unit: "5 min", "99.95%", "-40%". */
export function formatTargetValue(
  value: number,
  unit: SuccessTarget['unit'],
): string {
  switch (unit) {
    case 'minutes':
      return formatMinutes(value);
    case 'ratio':
      return formatPercent(value, { digits: 2 });
    case 'change':
      return formatPercent(value, { sign: true });
    default:
      return String(value);
  }
}

/** Met, missed, or not measured, as the backend judged it. */
export function targetMet(target: SuccessTarget): boolean | null {
  if (target.status === 'no-data' || target.measured === null) return null;
  return target.status === 'met';
}

function Verdict({ met }: { met: boolean | null }) {
  if (met === null) {
    return <Chip size="small" variant="outlined" label="Not measured" />;
  }
  return (
    <Chip
      size="small"
      variant="outlined"
      color={met ? 'success' : 'error'}
      label={met ? 'Met' : 'Missed'}
    />
  );
}

/** The platform's success metrics: each goal against what was measured. */
export function TargetsCard({ targets }: { targets: SuccessTarget[] }) {
  return (
    <InfoCard title="Success-metric targets" noPadding>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Success-metric targets">
          <TableHead>
            <TableRow>
              <TableCell>Metric</TableCell>
              <TableCell align="right">Goal</TableCell>
              <TableCell align="right">Measured</TableCell>
              <TableCell>Verdict</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {targets.map(t => (
              <TableRow key={t.label}>
                <TableCell>
                  {t.label}
                  <Typography
                    variant="caption"
                    display="block"
                    color="text.secondary"
                  >
                    {t.detail}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {`${
                    t.direction === 'atMost' ? 'at most' : 'at least'
                  } ${formatTargetValue(t.goal, t.unit)}`}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {t.measured === null
                    ? '–'
                    : formatTargetValue(t.measured, t.unit)}
                </TableCell>
                <TableCell>
                  <Verdict met={targetMet(t)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </InfoCard>
  );
}
