import { InfoCard } from '@backstage/core-components';
import { CostOverview } from '@gogidix/plugin-cost-common';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { formatCost } from '../shared/format';

/**
 * Why unallocated cost matched no rule: the tag that would have claimed it
 * and what it named, so the tag or the catalog can be fixed.
 */
export function UnallocatedCard({ overview }: { overview: CostOverview }) {
  if (overview.unallocatedReasons.length === 0) {
    return null;
  }
  return (
    <InfoCard
      title="Why cost is unallocated"
      subheader="Tag keys and prefixes read: cost.attribution in app-config"
      noPadding
    >
      <Table size="small" aria-label="Why cost is unallocated">
        <TableHead>
          <TableRow>
            <TableCell>Reason</TableCell>
            <TableCell align="right">Cost</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {overview.unallocatedReasons.map(r => (
            <TableRow key={r.reason}>
              <TableCell>{r.reason}</TableCell>
              <TableCell align="right">
                {formatCost(r.cost, overview.currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
