import { InfoCard, Link } from '@backstage/core-components';
import {
  BURN_RATE_WINDOWS,
  BurnRateAlertCondition,
  SloStatus,
  burnRateAlertConditions,
} from '@gogidix/plugin-slo-common';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { DeploymentEvent } from '@gogidix/plugin-delivery-common';
import { BurnDownChart } from '../shared/BurnDownChart';
import { deployBudgetBurn } from '../shared/deployBurn';
import { DeployBurnList } from '../shared/DeployBurnList';
import { burn, percent } from '../shared/format';
import { StatusChip } from '../shared/StatusChip';

const BUDGETING_TEXT = {
  Occurrences: 'events',
  Timeslices: 'time slices',
  RatioTimeslices: 'ratio time slices',
} as const;

/** The period and budgeting method as the OpenSLO document states them. */
export function windowText(status: SloStatus) {
  const { timeWindow, budgetingMethod } = status.slo;
  const period =
    timeWindow.kind === 'rolling'
      ? `rolling ${timeWindow.duration}`
      : `calendar ${timeWindow.duration} (${timeWindow.timeZone})`;
  return `${period}, ${BUDGETING_TEXT[budgetingMethod] ?? budgetingMethod}`;
}

const factorText = (factor: number) =>
  `${Number(factor.toFixed(2)).toString()}×`;

/**
 * When the burn-rate alerts fire, with the factors this SLO's period gives
 * (14.4× and 6× page for a 30-day period; a 28-day period pages at 13.44×).
 */
export function alertRuleText(conditions: BurnRateAlertCondition[]) {
  const part = (severity: 'page' | 'ticket') =>
    conditions
      .filter(c => c.severity === severity)
      .map(c => `${factorText(c.factor)} (${c.long} and ${c.short})`)
      .join(' or ');
  return `Pages at ${part('page')}; tickets at ${part('ticket')}.`;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h6">{value}</Typography>
    </Box>
  );
}

/** One SLO: its figures, burn rates per window, alert state, burn-down and links. */
export function SloCard({
  status,
  deployments = [],
}: {
  status: SloStatus;
  /** The entity's deploys, marked on the burn-down with the budget they burned. */
  deployments?: DeploymentEvent[];
}) {
  const { slo, evaluation, links } = status;
  const deploys = deployBudgetBurn(status.burnDown, deployments);
  const remaining = evaluation?.budget.remaining;
  const measuredRemaining =
    typeof remaining === 'number' ? remaining : undefined;
  return (
    <InfoCard
      title={slo.displayName}
      subheader={`${slo.name} · ${windowText(status)}`}
      action={<StatusChip status={evaluation?.status ?? 'missing'} />}
    >
      <Grid container spacing={2}>
        <Grid item xs={12} md={5}>
          <Stack direction="row" spacing={3} flexWrap="wrap">
            <Figure label="Target" value={percent(slo.target)} />
            <Figure label="SLI" value={percent(evaluation?.sli)} />
            <Figure label="Budget left" value={percent(remaining, 1)} />
          </Stack>
          {measuredRemaining !== undefined && (
            <LinearProgress
              aria-label="Error budget left"
              variant="determinate"
              color={measuredRemaining <= 0 ? 'error' : 'primary'}
              value={Math.max(0, Math.min(100, measuredRemaining * 100))}
              sx={{ my: 1, height: 8, borderRadius: 4 }}
            />
          )}
          {slo.description && (
            <Typography variant="body2" color="text.secondary">
              {slo.description}
            </Typography>
          )}
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
            <Typography variant="body2">Burn-rate alert:</Typography>
            <StatusChip status={evaluation?.alert.state ?? 'none'} />
          </Stack>
          <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
            <Link to={links.runbook}>Runbook</Link>
            {links.grafana && <Link to={links.grafana}>Grafana dashboard</Link>}
          </Stack>
        </Grid>
        <Grid item xs={12} md={7}>
          <BurnDownChart points={status.burnDown} deploys={deploys} />
          <DeployBurnList deploys={deploys} />
        </Grid>
        <Grid item xs={12}>
          {/* Seven columns do not fit a phone: the table scrolls sideways. */}
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={`Burn rates of ${slo.displayName}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Burn rate</TableCell>
                  {BURN_RATE_WINDOWS.map(window => (
                    <TableCell key={window} align="right">
                      {window}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                <TableRow>
                  <TableCell>× budget</TableCell>
                  {BURN_RATE_WINDOWS.map(window => (
                    <TableCell key={window} align="right">
                      {burn(evaluation?.burnRates[window])}
                    </TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
          </Box>
          {evaluation && (
            <Typography variant="caption" color="text.secondary">
              {alertRuleText(burnRateAlertConditions(slo.timeWindow.seconds))}{' '}
              Evaluated at {evaluation.at.replace('T', ' ').slice(0, 16)} UTC.
            </Typography>
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
