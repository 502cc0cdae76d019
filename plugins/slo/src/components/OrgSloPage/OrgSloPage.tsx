import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { OrgSloSummary } from '@gogidix/plugin-slo-common';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '@gogidix/plugin-slo-common';
import { shortRef } from '../shared/format';
import { SloRowsTable, StatusCountTable } from './tables';
import { TrendChart } from './TrendChart';

function Total({
  label,
  value,
  color,
}: {
  label: string;
  value: number;
  color: string;
}) {
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, minWidth: 140, borderLeft: `4px solid ${color}` }}
    >
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4">{value}</Typography>
    </Paper>
  );
}

function downloadCsv(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'slo-summary.csv';
  a.click();
  URL.revokeObjectURL(url);
}

function Summary({ summary }: { summary: OrgSloSummary }) {
  if (summary.slos.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No SLOs match"
        description="No component with an OpenSLO document (annotation gogidix.io/openslo) matches these filters."
      />
    );
  }
  const { totals } = summary;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
          <Total label="Healthy" value={totals.healthy} color="#2e7d32" />
          <Total label="At risk" value={totals.atRisk} color="#ed6c02" />
          <Total
            label="Budget exhausted"
            value={totals.exhausted}
            color="#c62828"
          />
          <Total label="No data" value={totals.missing} color="#9e9e9e" />
        </Stack>
      </Grid>
      <Grid item xs={12} lg={6}>
        <StatusCountTable title="By team" rows={summary.byTeam} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <StatusCountTable title="By system" rows={summary.bySystem} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Daily status, last 90 days">
          <TrendChart trend={summary.trend} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {summary.fastestBurners.length > 0 ? (
          <SloRowsTable
            title="Burning fastest (1h burn rate)"
            rows={summary.fastestBurners}
            paging={false}
          />
        ) : (
          <Typography variant="body2">
            No SLO is burning its budget in the last hour.
          </Typography>
        )}
      </Grid>
      <Grid item xs={12}>
        <SloRowsTable title="All SLOs" rows={summary.slos} paging />
      </Grid>
    </Grid>
  );
}

/** The managers' SLO page: the whole organisation at a glance, filterable and exportable. */
export function OrgSloPage() {
  const sloApi = useApi(sloApiRef);
  const [owners, setOwners] = useState<string[]>([]);
  const [tiers, setTiers] = useState<string[]>([]);
  const options = useAsync(() => sloApi.getOrgSummary(), [sloApi]);
  const { value, loading, error } = useAsync(
    () => sloApi.getOrgSummary({ owners, tiers }),
    [sloApi, owners, tiers],
  );
  const ownerOptions = [
    ...new Set(options.value?.slos.map(s => s.owner)),
  ].sort();
  const tierOptions = [
    ...new Set(options.value?.slos.flatMap(s => (s.tier ? [s.tier] : []))),
  ].sort();

  return (
    <Page themeId="tool">
      <Header
        title="Service level objectives"
        subtitle="Error budgets and burn rates across the organisation"
      />
      <Content>
        <ContentHeader
          title={
            value?.asOf
              ? `As of ${value.asOf.replace('T', ' ').slice(0, 16)} UTC`
              : ''
          }
        >
          <Button
            variant="outlined"
            disabled={!value?.slos.length}
            onClick={async () =>
              downloadCsv(await sloApi.getOrgSummaryCsv({ owners, tiers }))
            }
          >
            Export CSV
          </Button>
        </ContentHeader>
        <Stack direction="row" spacing={2} sx={{ mb: 3 }}>
          <Autocomplete
            multiple
            size="small"
            sx={{ minWidth: 280 }}
            options={ownerOptions}
            getOptionLabel={shortRef}
            value={owners}
            onChange={(_, v) => setOwners(v)}
            renderInput={params => <TextField {...params} label="Owner" />}
          />
          <Autocomplete
            multiple
            size="small"
            sx={{ minWidth: 200 }}
            options={tierOptions}
            value={tiers}
            onChange={(_, v) => setTiers(v)}
            renderInput={params => <TextField {...params} label="Tier" />}
          />
        </Stack>
        {value?.notice && <Alert severity="warning">{value.notice}</Alert>}
        {loading && <Progress />}
        {error && (
          <ResponseErrorPanel
            error={error}
            title="Could not load the SLO summary"
          />
        )}
        {value && !loading && <Summary summary={value} />}
      </Content>
    </Page>
  );
}
