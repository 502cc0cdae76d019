import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ANOMALY_METHOD,
  CostOverview,
  PeriodChange,
  ServiceAnomaly,
  TeamCost,
  UNALLOCATED,
  UncheckedService,
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
import {
  comparisonGap,
  formatCost,
  formatDay,
  formatRatio,
} from '../shared/format';

function ChangeCells({
  value,
  currency,
}: {
  value: PeriodChange;
  currency: string;
}) {
  const cost = (
    <TableCell align="right">{formatCost(value.current, currency)}</TableCell>
  );
  if (value.change === null) {
    return (
      <>
        {cost}
        <TableCell align="right" sx={{ color: 'text.secondary' }}>
          no comparison
        </TableCell>
      </>
    );
  }
  const up = value.change > 0;
  return (
    <>
      {cost}
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
  /** Said under the table, or under the empty message. */
  footer?: ReactNode;
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
      {props.footer && <Box p={2}>{props.footer}</Box>}
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
  const gap = comparisonGap(overview.comparison);
  return (
    <SimpleTable
      title="Top movers"
      columns={['Service', 'Team', 'Cost', 'Change']}
      empty={
        gap
          ? `No comparison with the previous period: ${gap}.`
          : 'Nothing changed against the previous period.'
      }
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

/** What an anomaly was compared with: a busy day for a bursty service. */
function usualOf(a: ServiceAnomaly, currency: string): string {
  return a.usualHigh !== null && a.usualHigh >= a.usual
    ? `usual on its busy days ${formatCost(a.usualHigh, currency)}`
    : `usual ${formatCost(a.usual, currency)}`;
}

function names(services: UncheckedService[]): string {
  const shown = services.slice(0, 5).map(s => s.name);
  const more = services.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Days that cost something but had too little history to be judged. */
function UncheckedNote({ unchecked }: { unchecked: UncheckedService[] }) {
  const short = unchecked.filter(u => u.reason === 'short');
  const noUsual = unchecked.filter(u => u.reason === 'no-usual-cost');
  const { minHistoryDays, windowDays } = ANOMALY_METHOD;
  return (
    <>
      {short.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {`Not enough history to judge ${short.length} ${
            short.length === 1 ? 'service' : 'services'
          } on some days (fewer than ${minHistoryDays} days with data in the ${windowDays} before): ${names(
            short,
          )}.`}
        </Typography>
      )}
      {noUsual.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          {`Not enough history to judge ${noUsual.length} ${
            noUsual.length === 1 ? 'service' : 'services'
          } on some days (new, or usually costing nothing): ${names(noUsual)}.`}
        </Typography>
      )}
    </>
  );
}

export function AnomaliesTable({ overview }: { overview: CostOverview }) {
  const { currency, unchecked } = overview;
  return (
    <SimpleTable
      title="Anomalies"
      columns={['Day', 'Service', 'Cost', 'What rose']}
      empty={`No day of any service stood out against its last ${ANOMALY_METHOD.windowDays} days.`}
      footer={
        unchecked.length > 0 ? <UncheckedNote unchecked={unchecked} /> : null
      }
    >
      {overview.anomalies.map(a => (
        <TableRow key={`${a.team}/${a.name}/${a.date}`}>
          <TableCell>{formatDay(a.date)}</TableCell>
          <TableCell align="right">
            {a.entityRef ? (
              <EntityRefLink entityRef={a.entityRef}>{a.name}</EntityRefLink>
            ) : (
              a.name
            )}
            <Typography
              variant="caption"
              display="block"
              color="text.secondary"
            >
              {formatRef(a.team)}
            </Typography>
          </TableCell>
          <TableCell align="right">
            {`${formatCost(a.actual, currency)} (${usualOf(a, currency)})`}
          </TableCell>
          <TableCell align="right">
            {`${a.category}: +${formatCost(a.categoryIncrease, currency)}`}
          </TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}
