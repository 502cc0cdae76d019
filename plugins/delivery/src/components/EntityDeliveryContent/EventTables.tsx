import { InfoCard } from '@backstage/core-components';
import {
  DeliverySourceState,
  DeploymentEvent,
  DeploymentStatus,
  IncidentEvent,
} from '@gogidix/plugin-delivery-common';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';
import {
  DEPLOY_SOURCES,
  deploymentLeadHours,
  formatInstant,
  formatMinutes,
  INCIDENT_SOURCES,
} from '../shared/format';
import { MissingSources } from '../shared/MissingSources';

const STATUS: Record<
  DeploymentStatus,
  { label: string; color: 'success' | 'error' | 'default' }
> = {
  success: { label: 'Succeeded', color: 'success' },
  failure: { label: 'Failed', color: 'error' },
  in_progress: { label: 'In progress', color: 'default' },
};

function EventTable(props: {
  title: string;
  columns: string[];
  empty: ReactNode;
  children: ReactNode[];
}) {
  return (
    <InfoCard title={props.title} noPadding>
      {props.children.length === 0 ? (
        <Box p={2}>{props.empty}</Box>
      ) : (
        // Five columns do not fit a phone: the table scrolls sideways.
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={props.title}>
            <TableHead>
              <TableRow>
                {props.columns.map(c => (
                  <TableCell key={c}>{c}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>{props.children}</TableBody>
          </Table>
        </Box>
      )}
    </InfoCard>
  );
}

/** What became of a deployment: it rolled another back, or was rolled back. */
function rollbackText(
  deployment: DeploymentEvent,
  rolledBack: Set<string>,
  shaOf: Map<string, string>,
): string {
  if (deployment.rollbackOf) {
    const sha = shaOf.get(deployment.rollbackOf);
    return `Rolls back ${sha ? sha.slice(0, 7) : deployment.rollbackOf}`;
  }
  return rolledBack.has(deployment.id) ? 'Rolled back' : '';
}

/** The recent deployments of a component: commit, lead time, status, rollback. */
export function DeploymentsTable(props: {
  deployments: DeploymentEvent[];
  sources: DeliverySourceState[];
  days: number;
}) {
  const { deployments, sources, days } = props;
  const rolledBack = new Set(
    deployments.flatMap(d => (d.rollbackOf ? [d.rollbackOf] : [])),
  );
  const shaOf = new Map(deployments.map(d => [d.id, d.sha]));
  return (
    <EventTable
      title="Recent deployments"
      columns={['Started', 'Commit', 'Environment', 'Lead time', 'Status', '']}
      empty={
        <>
          <Typography gutterBottom>
            No deployments in the last {days} days.
          </Typography>
          <MissingSources sources={sources} kinds={DEPLOY_SOURCES} />
        </>
      }
    >
      {deployments.map(d => {
        const lead = deploymentLeadHours(d);
        const status = STATUS[d.status];
        return (
          <TableRow key={d.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {formatInstant(d.startedAt)}
            </TableCell>
            <TableCell>
              <code title={d.sha}>{d.sha.slice(0, 7)}</code>
            </TableCell>
            <TableCell>{d.environment}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {lead === null ? '–' : formatMinutes(lead * 60)}
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                variant="outlined"
                label={status.label}
                color={status.color}
              />
            </TableCell>
            <TableCell>{rollbackText(d, rolledBack, shaOf)}</TableCell>
          </TableRow>
        );
      })}
    </EventTable>
  );
}

/** The incidents of a component in the period, with how long each took to restore. */
export function IncidentsTable(props: {
  incidents: IncidentEvent[];
  sources: DeliverySourceState[];
  days: number;
}) {
  const { incidents, sources, days } = props;
  const pagerDuty = sources.find(s => s.kind === 'pagerduty');
  return (
    <EventTable
      title="Recent incidents"
      columns={['Triggered', 'Title', 'Urgency', 'Restored after']}
      empty={
        pagerDuty?.configured ? (
          <Typography>No incidents in the last {days} days.</Typography>
        ) : (
          <>
            <Typography gutterBottom>
              No incidents in the last {days} days.
            </Typography>
            <MissingSources sources={sources} kinds={INCIDENT_SOURCES} />
          </>
        )
      }
    >
      {incidents.map(i => (
        <TableRow key={i.id}>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>
            {formatInstant(i.triggeredAt)}
          </TableCell>
          <TableCell>{i.title}</TableCell>
          <TableCell>{i.urgency}</TableCell>
          <TableCell sx={{ whiteSpace: 'nowrap' }}>
            {i.resolvedAt
              ? formatMinutes(
                  (Date.parse(i.resolvedAt) - Date.parse(i.triggeredAt)) / 6e4,
                )
              : 'Open'}
          </TableCell>
        </TableRow>
      ))}
    </EventTable>
  );
}
