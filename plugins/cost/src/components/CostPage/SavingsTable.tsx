import { formatRef } from '@gogidix/portal-common';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { CostSavings, SavingsKind } from '@gogidix/plugin-cost-common';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatCost } from '../shared/format';

const KIND_LABELS: Record<SavingsKind, string> = {
  'idle-gpu': 'Under-used GPU',
  'oversized-requests': 'Requests far above usage',
  'no-owner': 'No owner',
};

/** Savings recommendations, largest first, each with its owner. */
export function SavingsTable(props: {
  savings: CostSavings | undefined;
  loading: boolean;
  error: Error | undefined;
}) {
  const { savings, loading, error } = props;
  const subheader = savings
    ? `Estimated ${formatCost(
        savings.totalMonthlySaving,
        savings.currency,
      )} a month`
    : undefined;
  return (
    <InfoCard title="Savings" subheader={subheader} noPadding>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {savings && savings.recommendations.length === 0 && (
        <Box p={2}>
          <Typography color="text.secondary">
            No recommendations: requests match usage and every resource has an
            owner.
          </Typography>
        </Box>
      )}
      {savings && savings.recommendations.length > 0 && (
        <Table size="small" aria-label="Savings">
          <TableHead>
            <TableRow>
              <TableCell>Recommendation</TableCell>
              <TableCell>What</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell align="right">Monthly saving</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {savings.recommendations.map(r => (
              <TableRow key={`${r.kind}/${r.target}`}>
                <TableCell>
                  {KIND_LABELS[r.kind]}
                  <Typography variant="body2" color="text.secondary">
                    {r.detail}
                  </Typography>
                </TableCell>
                <TableCell>
                  {r.entityRef ? (
                    <EntityRefLink entityRef={r.entityRef} />
                  ) : (
                    r.target
                  )}
                </TableCell>
                <TableCell>{formatRef(r.owner)}</TableCell>
                <TableCell align="right">
                  {formatCost(r.monthlySaving, savings.currency)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
