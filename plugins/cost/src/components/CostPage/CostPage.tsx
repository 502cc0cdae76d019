import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { CostOverview } from '@gogidix/plugin-cost-common';
import { formatRef } from '@gogidix/portal-common';
import {
  FetchErrorPanel,
  HeadlineNumber,
  download,
} from '@gogidix/portal-react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../../apiRef';
import { DailyCostChart } from '../shared/DailyCostChart';
import { formatCost } from '../shared/format';
import { PeriodHeadlines, PeriodPicker } from '../shared/PeriodHeadlines';
import {
  AnomaliesTable,
  MoversTable,
  SystemsTable,
  TeamsTable,
} from './OverviewTables';
import { InvoiceCard } from './InvoiceCard';
import { SavingsTable } from './SavingsTable';
import { UnallocatedCard } from './UnallocatedCard';

const ALL = '';

function Figures({ overview }: { overview: CostOverview }) {
  const item = { xs: 12, sm: 6, lg: 3 };
  return (
    <>
      <PeriodHeadlines
        days={overview.days}
        from={overview.from}
        to={overview.to}
        change={overview.total}
        comparison={overview.comparison}
        forecast={overview.forecast}
        currency={overview.currency}
        item={item}
      />
      <Grid item {...item}>
        <HeadlineNumber
          label="Unallocated"
          value={formatCost(overview.unallocated, overview.currency)}
          note="Cost no tag, namespace or label ties to an owner"
        />
      </Grid>
    </>
  );
}

/** The cost page for managers: by team and system, movers, anomalies, savings. */
export function CostPage() {
  const costApi = useApi(costApiRef);
  const [days, setDays] = useState(30);
  const [team, setTeam] = useState(ALL);
  const [teamOptions, setTeamOptions] = useState<string[]>([]);
  const query = { days, team: team || undefined };

  const overview = useAsync(async () => {
    const result = await costApi.getOverview(query);
    if (!result.team) {
      setTeamOptions(result.teams.map(t => t.team).sort());
    }
    return result;
  }, [costApi, days, team]);
  const savings = useAsync(
    () => costApi.getSavings({ team: query.team }),
    [costApi, team],
  );
  const [exportError, setExportError] = useState<Error>();

  const exportCsv = async () => {
    try {
      setExportError(undefined);
      download(
        await costApi.exportCsv(query),
        `cost-${team ? formatRef(team).replace('/', '-') : 'all'}-${days}d.csv`,
      );
    } catch (e) {
      setExportError(e as Error);
    }
  };

  return (
    <Content>
      <ContentHeader
        title="Cost"
        description="What each team and service costs, what changed, and what to cut."
      >
        <Stack direction="row" spacing={2} alignItems="center">
          <TextField
            select
            size="small"
            label="Team"
            value={team}
            onChange={e => setTeam(e.target.value)}
            SelectProps={{ native: true }}
            // "All teams" is an empty value: keep the label above it.
            InputLabelProps={{ shrink: true }}
            sx={{ minWidth: 160 }}
          >
            <option value={ALL}>All teams</option>
            {teamOptions.map(t => (
              <option key={t} value={t}>
                {formatRef(t)}
              </option>
            ))}
          </TextField>
          <PeriodPicker days={days} onChange={setDays} />
          <Button
            variant="outlined"
            onClick={exportCsv}
            disabled={!overview.value}
          >
            Export CSV
          </Button>
        </Stack>
      </ContentHeader>
      {exportError && <ResponseErrorPanel error={exportError} />}
      {overview.loading && <Progress />}
      {overview.error && (
        <FetchErrorPanel
          error={overview.error}
          notAllowed="A team's cost is for its members and their managers."
        />
      )}
      {overview.value &&
        overview.value.total.current === 0 &&
        overview.value.total.previous === 0 && (
          <EmptyState
            missing="data"
            title="No cost imported yet"
            description="Upload a FOCUS billing export to /api/cost/imports (text/csv or application/gzip), or configure cost.opencost."
          />
        )}
      {overview.value &&
        (overview.value.total.current !== 0 ||
          overview.value.total.previous !== 0) && (
          <Grid container spacing={3}>
            <Figures overview={overview.value} />
            <Grid item xs={12}>
              <InfoCard
                title={
                  team
                    ? `Daily cost of ${formatRef(team)}`
                    : 'Daily cost by team'
                }
              >
                <DailyCostChart
                  daily={overview.value.daily}
                  parts={overview.value.teams.map(t => t.team)}
                  partLabel={formatRef}
                  currency={overview.value.currency}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12} lg={6}>
              <MoversTable overview={overview.value} />
            </Grid>
            <Grid item xs={12} lg={6}>
              <AnomaliesTable overview={overview.value} />
            </Grid>
            <Grid item xs={12} lg={7}>
              <TeamsTable overview={overview.value} />
            </Grid>
            <Grid item xs={12} lg={5}>
              <SystemsTable overview={overview.value} />
            </Grid>
            <Grid item xs={12}>
              <UnallocatedCard overview={overview.value} />
            </Grid>
            {!team && (
              <Grid item xs={12}>
                <InvoiceCard />
              </Grid>
            )}
            <Grid item xs={12}>
              <SavingsTable
                savings={savings.value}
                loading={savings.loading}
                error={savings.error}
              />
            </Grid>
          </Grid>
        )}
    </Content>
  );
}
