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
import {
  OrgCompliance,
  ScorecardLevel,
  passRate,
} from '@gogidix/plugin-compliance-common';
import { formatPercent } from '@gogidix/portal-common';
import {
  FetchErrorPanel,
  HeadlineNumber,
  HeadlineRow,
  RefFilter,
  download,
} from '@gogidix/portal-react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { complianceApiRef } from '../../apiRef';
import { LEVEL_COLORS, levelLabel, when } from '../shared/format';
import { CampaignList, ControlHeatmap, PassRateTrend } from './charts';
import { ControlTable, EntityTable, GapTable, TeamTable } from './tables';

const LEVELS: ScorecardLevel[] = ['gold', 'silver', 'bronze', 'none'];

function Summary({ summary }: { summary: OrgCompliance }) {
  if (summary.totals.entities === 0) {
    return (
      <EmptyState
        missing="data"
        title="Nothing evaluated yet"
        description="No component has been evaluated for these teams. The compliance round runs every few minutes after the portal starts."
      />
    );
  }
  const { totals } = summary;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <HeadlineRow>
          {LEVELS.map(level => (
            <HeadlineNumber
              key={level}
              label={levelLabel(level)}
              aria-label={`${levelLabel(level)} components`}
              value={totals.levels[level]}
              color={LEVEL_COLORS[level]}
            />
          ))}
          <HeadlineNumber
            label="Checks met"
            value={formatPercent(passRate(totals))}
          />
        </HeadlineRow>
      </Grid>
      <Grid item xs={12}>
        <GapTable rows={summary.gaps} total={summary.totals.gaps} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <TeamTable rows={summary.byTeam} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title="Campaigns">
          <CampaignList campaigns={summary.campaigns} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Controls by team">
          <ControlHeatmap
            cells={summary.heatmap}
            controls={summary.controls.map(c => c.key)}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ControlTable rows={summary.controls} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Checks met, last 90 days">
          <PassRateTrend trend={summary.trend} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <EntityTable rows={summary.entities} total={summary.totals.entities} />
      </Grid>
    </Grid>
  );
}

/** The managers' compliance page: teams, controls, campaigns and gaps, exportable for auditors. */
export function OrgCompliancePage() {
  const api = useApi(complianceApiRef);
  const [teams, setTeams] = useState<string[]>([]);
  const [exportError, setExportError] = useState<Error>();
  const { value, loading, error } = useAsync(
    () => api.getOrgCompliance({ teams }),
    [api, teams],
  );
  const exportAs = async (format: 'csv' | 'json') => {
    setExportError(undefined);
    try {
      download(
        await api.getExport(format, { teams }),
        `compliance-export.${format}`,
      );
    } catch (e) {
      setExportError(e as Error);
    }
  };

  return (
    <Page themeId="tool">
      <Header
        title="Compliance"
        subtitle="Scorecards and SOC 2 / ISO 27001 controls, with the evidence behind them"
      />
      <Content>
        <ContentHeader
          title={value ? `Evaluated ${when(value.evaluatedAt)}` : ''}
        >
          <Stack direction="row" spacing={1}>
            <Button
              variant="outlined"
              disabled={!value?.totals.entities}
              onClick={() => exportAs('csv')}
            >
              Export CSV
            </Button>
            <Button
              variant="outlined"
              disabled={!value?.totals.entities}
              onClick={() => exportAs('json')}
            >
              Export JSON
            </Button>
          </Stack>
        </ContentHeader>
        <Stack direction="row" spacing={2} sx={{ mb: 3 }}>
          <RefFilter
            label="Team"
            options={value?.teams ?? []}
            value={teams}
            onChange={setTeams}
            minWidth={320}
          />
        </Stack>
        {exportError && (
          <Alert severity="error" sx={{ mb: 2 }}>
            Export failed: {exportError.message}
          </Alert>
        )}
        {loading && <Progress />}
        {error && (
          <FetchErrorPanel
            error={error}
            title="Could not load compliance"
            notAllowed="A team's compliance is for its members and their managers."
          />
        )}
        {value && !loading && <Summary summary={value} />}
      </Content>
    </Page>
  );
}
