import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { formatRef } from '@gogidix/portal-common';
import { download, FetchErrorPanel } from '@gogidix/portal-react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../apiRef';
import { DeliveryChart } from '../shared/DeliveryChart';
import { MetricHeadlines } from '../shared/MetricHeadlines';
import { MissingSources } from '../shared/MissingSources';
import { PeriodPicker } from '../shared/PeriodPicker';
import { ServicesTable, TeamsTable } from './OverviewTables';
import { TargetsCard } from './TargetsCard';

const ALL = '';

/** The delivery page for managers: org figures, teams, services, targets. */
export function DeliveryPage() {
  const deliveryApi = useApi(deliveryApiRef);
  const [days, setDays] = useState(30);
  const [team, setTeam] = useState(ALL);
  const [teamOptions, setTeamOptions] = useState<string[]>([]);
  const query = { days, team: team || undefined };

  const overview = useAsync(async () => {
    const result = await deliveryApi.getOverview(query);
    // The picker lists the teams of the unfiltered page.
    if (!team) {
      setTeamOptions(result.teams.map(t => t.team).sort());
    }
    return result;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deliveryApi, days, team]);
  const [exportError, setExportError] = useState<Error>();

  const exportCsv = async () => {
    try {
      setExportError(undefined);
      download(
        await deliveryApi.exportCsv(query),
        `delivery-${
          team ? formatRef(team).replace('/', '-') : 'all'
        }-${days}d.csv`,
      );
    } catch (e) {
      setExportError(e as Error);
    }
  };

  const value = overview.value;
  return (
    <Content>
      <ContentHeader
        title="Delivery"
        description="How often each team ships, how fast, how often it breaks and how soon it is restored."
      >
        <Stack
          direction="row"
          spacing={2}
          alignItems="center"
          flexWrap="wrap"
          useFlexGap
          // Room for the Team label when the row wraps under the title.
          sx={{ pt: 1 }}
        >
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
          <Button variant="outlined" onClick={exportCsv} disabled={!value}>
            Export CSV
          </Button>
        </Stack>
      </ContentHeader>
      {exportError && <ResponseErrorPanel error={exportError} />}
      {overview.loading && <Progress />}
      {overview.error && (
        <FetchErrorPanel
          error={overview.error}
          title="Could not load delivery"
          notAllowed="A team's delivery is for its members and their managers."
        />
      )}
      {value && value.services.length === 0 && (
        <EmptyState
          missing="data"
          title={`No deployments or incidents in the last ${days} days`}
          description="Nothing arrived from the delivery sources for this period."
          action={
            <MissingSources
              sources={value.sources}
              kinds={value.sources.map(s => s.kind)}
            />
          }
        />
      )}
      {value && value.services.length > 0 && (
        <Grid container spacing={2}>
          <MetricHeadlines
            metrics={value.org}
            days={value.period.days}
            item={{ xs: 12, sm: 6, lg: 4 }}
          />
          {value.targets && value.targets.length > 0 && (
            <Grid item xs={12}>
              <TargetsCard targets={value.targets} />
            </Grid>
          )}
          <Grid item xs={12}>
            <InfoCard
              title={
                team
                  ? `Deployments per day of ${formatRef(team)}`
                  : 'Deployments per day'
              }
            >
              <DeliveryChart days={value.days} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <TeamsTable teams={value.teams} />
          </Grid>
          <Grid item xs={12}>
            <ServicesTable services={value.services} />
          </Grid>
        </Grid>
      )}
    </Content>
  );
}
