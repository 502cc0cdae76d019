import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CostOverview,
  PeriodChange,
  TeamCost,
  UNALLOCATED,
} from '@gogidix/plugin-cost-common';
import { formatRef } from '@gogidix/portal-common';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';
import { formatCost, formatDay, formatRatio } from '../shared/format';

function ChangeCells({
  value,
  currency,
}: {
  value: PeriodChange;
  currency: string;
}) {
  const up = value.change > 0;
  return (
    <>
      <TableCell align="right">{formatCost(value.current, currency)}</TableCell>
      <TableCell
        align="right"
        sx={{ color: up ? 'error.main' : 'success.main' }}
      >
        {`${up ? '+' : ''}${formatCost(value.change, currency)} (${formatRatio(
          value.changeRatio,
        )})`}
      </TableCell>
    </>
  );
}

function SimpleTable(props: {
  title: string;
  columns: string[];
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
        <Table size="small" aria-label={props.title}>
          <TableHead>
            <TableRow>
              {props.columns.map((c, i) => (
                <TableCell key={c} align={i === 0 ? 'left' : 'right'}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>{props.children}</TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

function Budget({ team, currency }: { team: TeamCost; currency: string }) {
  if (!team.budget) {
    return <Typography color="text.secondary">no budget set</Typography>;
  }
  const { monthly, monthToDate, forecast } = team.budget;
  const over = forecast > monthly;
  return (
    <Box minWidth={180}>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, (monthToDate / monthly) * 100)}
        color={over ? 'error' : 'primary'}
        aria-label={`${formatRef(team.team)} budget used`}
      />
      <Typography variant="caption" color={over ? 'error' : 'text.secondary'}>
        {`${formatCost(monthToDate, currency)} of ${formatCost(
          monthly,
          currency,
        )}; forecast ${formatCost(forecast, currency)}`}
      </Typography>
    </Box>
  );
}

export function TeamsTable({ overview }: { overview: CostOverview }) {
  return (
    <SimpleTable
      title="By team"
      columns={['Team', 'Cost', 'Change', 'Budget this month']}
      empty="No cost in this period."
    >
      {overview.teams.map(t => (
        <TableRow key={t.team}>
          <TableCell>
            {t.team === UNALLOCATED ? (
              <strong>unallocated</strong>
            ) : (
              <EntityRefLink
                entityRef={parseEntityRef(t.team, {
                  defaultKind: 'group',
                  defaultNamespace: 'default',
                })}
              >
                {formatRef(t.team)}
              </EntityRefLink>
            )}
          </TableCell>
          <ChangeCells value={t} currency={overview.currency} />
          <TableCell align="right">
            <Budget team={t} currency={overview.currency} />
          </TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}

export function SystemsTable({ overview }: { overview: CostOverview }) {
  return (
    <SimpleTable
      title="By system"
      columns={['System', 'Cost', 'Change']}
      empty="No cost in this period."
    >
      {overview.systems.map(s => (
        <TableRow key={s.system}>
          <TableCell>
            {s.system === UNALLOCATED ? (
              'no system'
            ) : (
              <EntityRefLink entityRef={`system:default/${s.system}`}>
                {s.system}
              </EntityRefLink>
            )}
          </TableCell>
          <ChangeCells value={s} currency={overview.currency} />
        </TableRow>
      ))}
    </SimpleTable>
  );
}

export function MoversTable({ overview }: { overview: CostOverview }) {
  return (
    <SimpleTable
      title="Top movers"
      columns={['Service', 'Team', 'Cost', 'Change']}
      empty="Nothing changed against the previous period."
    >
      {overview.movers.map(m => (
        <TableRow key={m.entityRef ?? `${m.team}/${m.name}`}>
          <TableCell>
            {m.entityRef ? (
              <EntityRefLink entityRef={m.entityRef}>{m.name}</EntityRefLink>
            ) : (
              m.name
            )}
          </TableCell>
          <TableCell align="right">{formatRef(m.team)}</TableCell>
          <ChangeCells value={m} currency={overview.currency} />
        </TableRow>
      ))}
    </SimpleTable>
  );
}

export function AnomaliesTable({ overview }: { overview: CostOverview }) {
  const { currency } = overview;
  return (
    <SimpleTable
      title="Anomalies"
      columns={['Day', 'Team', 'Cost (usual)', 'What moved']}
      empty="No day stood out from its two-week baseline."
    >
      {overview.anomalies.map(a => (
        <TableRow key={`${a.team}/${a.date}`}>
          <TableCell>{formatDay(a.date)}</TableCell>
          <TableCell align="right">{formatRef(a.team)}</TableCell>
          <TableCell align="right">
            {`${formatCost(a.actual, currency)} (${formatCost(
              a.expected,
              currency,
            )})`}
          </TableCell>
          <TableCell align="right">
            {`${a.service}, ${a.category}: ${
              a.serviceDelta > 0 ? '+' : ''
            }${formatCost(a.serviceDelta, currency)}`}
          </TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}
