import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import { complianceApiRef } from '@gogidix/plugin-compliance';
import { costApiRef } from '@gogidix/plugin-cost';
import { onCallApiRef } from '@gogidix/plugin-oncall';
import { sloApiRef } from '@gogidix/plugin-slo';
import { formatPercent } from '@gogidix/portal-common';
import { FetchErrorPanel } from '@gogidix/portal-react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import {
  loadTeamRollup,
  RollupProblem,
  ROLLUP_COST_DAYS,
} from './loadTeamRollup';
import { TeamRollupRow } from './rollup';

const PROBLEM_TEXT: Record<
  RollupProblem['source'],
  { title: string; notAllowed: string }
> = {
  slo: {
    title: 'Could not load the SLOs',
    notAllowed: "A team's SLOs are for its members, its managers and on-call.",
  },
  cost: {
    title: 'Could not load the cost',
    notAllowed: "A team's cost is for its members and their managers.",
  },
  compliance: {
    title: 'Could not load compliance',
    notAllowed: "A team's compliance is for its members and their managers.",
  },
  oncall: {
    title: 'Could not load the firing alerts',
    notAllowed:
      "A service's alerts are for its team, its managers and on-call.",
  },
};

function sloText(row: TeamRollupRow) {
  if (!row.slo) return '—';
  const { exhausted, atRisk, healthy, missing } = row.slo;
  const parts = [
    exhausted && `${exhausted} exhausted`,
    atRisk && `${atRisk} at risk`,
    `${healthy} healthy`,
    missing && `${missing} without data`,
  ].filter(Boolean);
  return parts.join(' · ');
}

function costText(row: TeamRollupRow, currency: string | undefined) {
  if (!row.cost || !currency) return '—';
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: Math.abs(row.cost.current) < 100 ? 2 : 0,
  }).format(row.cost.current);
}

function complianceText(row: TeamRollupRow) {
  if (!row.compliance) return '—';
  const { passRate, levels } = row.compliance;
  const reached = (['gold', 'silver', 'bronze'] as const)
    .filter(level => levels[level])
    .map(level => `${levels[level]} ${level}`);
  return [
    `${formatPercent(passRate)} of checks pass`,
    reached.length ? reached.join(', ') : 'none at bronze yet',
  ].join(' · ');
}

function alertsText(row: TeamRollupRow) {
  if (row.firingAlerts === undefined) return '—';
  return row.firingAlerts ? `${row.firingAlerts} firing` : 'none firing';
}

/**
 * The SLO, cost, compliance and on-call state of the teams at and below
 * `roots` (the user's groups on the home page, the group on its page),
 * one line per team, read from the same APIs as the org pages.
 */
export function TeamRollup(props: { roots: string[] }) {
  const catalogApi = useApi(catalogApiRef);
  const sloApi = useApi(sloApiRef);
  const costApi = useApi(costApiRef);
  const complianceApi = useApi(complianceApiRef);
  const onCallApi = useApi(onCallApiRef);
  // Group refs hold no commas: the key keeps a new array of the same
  // roots from loading again.
  const rootsKey = props.roots.join(',');
  const { value, loading, error } = useAsync(
    () =>
      loadTeamRollup(rootsKey ? rootsKey.split(',') : [], {
        catalogApi,
        sloApi,
        costApi,
        complianceApi,
        onCallApi,
      }),
    [rootsKey, catalogApi, sloApi, costApi, complianceApi, onCallApi],
  );

  if (loading) return <Progress />;
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load your teams" />
    );
  }
  if (!value?.teams.length) {
    return (
      <Typography variant="body2">
        You are not a member of any team in the catalog.
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      {value.rows.length ? (
        // On a phone the table scrolls sideways instead of squeezing its
        // columns to a letter wide.
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Teams" sx={{ minWidth: 720 }}>
            <TableHead>
              <TableRow>
                <TableCell>Team</TableCell>
                <TableCell>SLOs</TableCell>
                <TableCell>Cost, last {ROLLUP_COST_DAYS} days</TableCell>
                <TableCell>Compliance</TableCell>
                <TableCell>Firing alerts</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.rows.map(row => (
                <TableRow key={row.team}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <EntityRefLink entityRef={row.team} defaultKind="group" />
                  </TableCell>
                  <TableCell>{sloText(row)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {costText(row, value.currency)}
                  </TableCell>
                  <TableCell>{complianceText(row)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {alertsText(row)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        <Typography variant="body2">
          No team here owns a component in the catalog yet.
        </Typography>
      )}
      {value.alertsNotConfigured && (
        <Typography variant="body2" color="text.secondary">
          Alertmanager is not set up (<code>{value.alertsNotConfigured}</code>
          ), so firing alerts are not counted.
        </Typography>
      )}
      {value.problems.map(problem => (
        <FetchErrorPanel
          key={problem.source}
          error={problem.error}
          {...PROBLEM_TEXT[problem.source]}
        />
      ))}
      <Typography variant="body2" color="text.secondary">
        The same figures, in full: <Link to="/slo">SLOs</Link>,{' '}
        <Link to="/cost">cost</Link>, <Link to="/compliance">compliance</Link>.
      </Typography>
    </Stack>
  );
}
