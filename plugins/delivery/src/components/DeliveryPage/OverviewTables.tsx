import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  DeliveryMetrics,
  ServiceDeliveryRow,
  TeamDeliveryRow,
} from '@gogidix/plugin-delivery-common';
import { formatRef } from '@gogidix/portal-common';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { ReactNode, useState } from 'react';
import { formatMetric, MetricDefinition, METRICS } from '../shared/format';
import { BandChip } from '../shared/MetricHeadlines';

const teamRef = (team: string) =>
  parseEntityRef(team, { defaultKind: 'group', defaultNamespace: 'default' });

function MetricCells({ metrics }: { metrics: DeliveryMetrics }) {
  return (
    <>
      {METRICS.map(definition => {
        const metric = metrics[definition.key];
        return (
          <TableCell key={definition.key} align="right">
            <Stack
              direction="row"
              spacing={1}
              justifyContent="flex-end"
              alignItems="center"
            >
              <span>{formatMetric(definition, metric)}</span>
              {metric.band && <BandChip band={metric.band} />}
            </Stack>
          </TableCell>
        );
      })}
    </>
  );
}

function MetricTable(props: {
  title: string;
  head: ReactNode;
  empty: string;
  children: ReactNode[];
}) {
  return (
    <InfoCard title={props.title} noPadding>
      {props.children.length === 0 ? (
        <Box p={2}>
          <Typography color="text.secondary">{props.empty}</Typography>
        </Box>
      ) : (
        // Eight columns do not fit a phone: the table scrolls sideways.
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={props.title}>
            <TableHead>{props.head}</TableHead>
            <TableBody>{props.children}</TableBody>
          </Table>
        </Box>
      )}
    </InfoCard>
  );
}

/** Each team's figures, with how many services they cover. */
export function TeamsTable({ teams }: { teams: TeamDeliveryRow[] }) {
  return (
    <MetricTable
      title="By team"
      empty="No team has delivery data in this period."
      head={
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell align="right">Services</TableCell>
          {METRICS.map(m => (
            <TableCell key={m.key} align="right">
              {m.label}
            </TableCell>
          ))}
        </TableRow>
      }
    >
      {teams.map(t => (
        <TableRow key={t.team}>
          <TableCell>
            <EntityRefLink entityRef={teamRef(t.team)}>
              {formatRef(t.team)}
            </EntityRefLink>
          </TableCell>
          <TableCell align="right">{t.services}</TableCell>
          <MetricCells metrics={t.metrics} />
        </TableRow>
      ))}
    </MetricTable>
  );
}

/** What the services table sorts by: the name, the team or a figure. */
export type ServiceSortKey = 'name' | 'team' | MetricDefinition['key'];

/**
 * Services in the order asked for. A service without a figure sorts last
 * either way: "no data" is not the best or the worst.
 */
export function sortServices(
  services: ServiceDeliveryRow[],
  key: ServiceSortKey,
  order: 'asc' | 'desc',
): ServiceDeliveryRow[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...services].sort((a, b) => {
    if (key === 'name' || key === 'team') {
      return sign * a[key].localeCompare(b[key]);
    }
    const x = a.metrics[key].value;
    const y = b.metrics[key].value;
    if (x === null || y === null) {
      return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    }
    return sign * (x - y);
  });
}

/** Every service's figures, sortable by any column. */
export function ServicesTable({
  services,
}: {
  services: ServiceDeliveryRow[];
}) {
  const [sort, setSort] = useState<{
    key: ServiceSortKey;
    order: 'asc' | 'desc';
  }>({ key: 'name', order: 'asc' });
  const header = (key: ServiceSortKey, label: string, align?: 'right') => (
    <TableCell
      key={key}
      align={align}
      sortDirection={sort.key === key ? sort.order : false}
    >
      <TableSortLabel
        active={sort.key === key}
        direction={sort.key === key ? sort.order : 'asc'}
        onClick={() =>
          setSort(current => ({
            key,
            order:
              current.key === key && current.order === 'asc' ? 'desc' : 'asc',
          }))
        }
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
  return (
    <MetricTable
      title="By service"
      empty="No service has delivery data in this period."
      head={
        <TableRow>
          {header('name', 'Service')}
          {header('team', 'Team')}
          {METRICS.map(m => header(m.key, m.label, 'right'))}
        </TableRow>
      }
    >
      {sortServices(services, sort.key, sort.order).map(s => (
        <TableRow key={s.entityRef}>
          <TableCell>
            <EntityRefLink entityRef={s.entityRef}>{s.name}</EntityRefLink>
          </TableCell>
          <TableCell>{formatRef(s.team)}</TableCell>
          <MetricCells metrics={s.metrics} />
        </TableRow>
      ))}
    </MetricTable>
  );
}
