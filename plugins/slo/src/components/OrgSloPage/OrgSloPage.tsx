import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { OrgSloSummary } from '@gogidix/plugin-slo-common';
import {
  FetchErrorPanel,
  HeadlineNumber,
  HeadlineRow,
  RefFilter,
  download,
} from '@gogidix/portal-react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../apiRef';
import { NoSliSource } from '../shared/NoSliSource';
import { SloRowsTable, StatusCountTable } from './tables';
import { TrendChart } from './TrendChart';

/** Days of daily status the backend returns at most. */
const TREND_DAYS = 90;

/** The headline counts, each with its status colour. */
const TOTALS: {
  label: string;
  key: keyof OrgSloSummary['totals'];
  color: string;
}[] = [
  { label: 'Healthy', key: 'healthy', color: '#2e7d32' },
  { label: 'At risk', key: 'atRisk', color: '#ed6c02' },
  { label: 'Budget exhausted', key: 'exhausted', color: '#c62828' },
  { label: 'No data', key: 'missing', color: '#9e9e9e' },
];

/** How many days the trend holds: the page keeps up to 90, and says when it has fewer. */
export function trendTitle(trend: OrgSloSummary['trend']): string {
  if (trend.length === 0) return 'Daily status';
  const days = trend.length === 1 ? '1 day' : `${trend.length} days`;
  return trend.length >= TREND_DAYS
    ? `Daily status, last ${TREND_DAYS} days`
    : `Daily status, ${days} of history so far (up to ${TREND_DAYS} are kept)`;
}

function Summary({ summary }: { summary: OrgSloSummary }) {
  if (summary.sliSource === 'none') return <NoSliSource />;
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
        <HeadlineRow>
          {TOTALS.map(({ label, key, color }) => (
            <HeadlineNumber
              key={key}
              label={label}
              value={totals[key]}
              color={color}
            />
          ))}
        </HeadlineRow>
      </Grid>
      <Grid item xs={12} lg={6}>
        <StatusCountTable title="By team" rows={summary.byTeam} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <StatusCountTable title="By system" rows={summary.bySystem} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title={trendTitle(summary.trend)}>
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
  // `datetime-local` is local time without a zone; the API takes an instant.
  const [asOfInput, setAsOfInput] = useState('');
  const at = asOfInput ? new Date(asOfInput) : undefined;
  const atKey = at?.toISOString();
  const options = useAsync(() => sloApi.getOrgSummary(), [sloApi]);
  const { value, loading, error } = useAsync(
    () => sloApi.getOrgSummary({ owners, tiers, ...(at ? { at } : {}) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sloApi, owners, tiers, atKey],
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
              download(
                await sloApi.getOrgSummaryCsv({
                  owners,
                  tiers,
                  ...(at ? { at } : {}),
                }),
                'slo-summary.csv',
              )
            }
          >
            Export CSV
          </Button>
        </ContentHeader>
        <Stack direction="row" spacing={2} sx={{ mb: 3 }}>
          <RefFilter
            label="Owner"
            options={ownerOptions}
            value={owners}
            onChange={setOwners}
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
          <TextField
            label="As of"
            type="datetime-local"
            size="small"
            value={asOfInput}
            onChange={e => setAsOfInput(e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
          {asOfInput && (
            <Button onClick={() => setAsOfInput('')}>Back to now</Button>
          )}
        </Stack>
        {value?.notice && value.sliSource !== 'none' && (
          <Alert severity="warning">{value.notice}</Alert>
        )}
        {loading && <Progress />}
        {error && (
          <FetchErrorPanel
            error={error}
            title="Could not load the SLO summary"
            notAllowed="The SLO page shows the teams you belong to or manage; on-call engineers see every team."
          />
        )}
        {value && !loading && <Summary summary={value} />}
      </Content>
    </Page>
  );
}
