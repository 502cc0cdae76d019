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
import {
  OrgCompliance,
  ScorecardLevel,
} from '@gogidix/plugin-compliance-common';
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
import { complianceApiRef } from '@gogidix/plugin-compliance-common';
import {
  LEVEL_COLORS,
  levelLabel,
  percent,
  shortRef,
  when,
} from '../shared/format';
import { CampaignList, ControlHeatmap, PassRateTrend } from './charts';
import { ControlTable, EntityTable, GapTable, TeamTable } from './tables';

const LEVELS: ScorecardLevel[] = ['gold', 'silver', 'bronze', 'none'];

function LevelTotal({
  level,
  value,
}: {
  level: ScorecardLevel;
  value: number;
}) {
  return (
    <Paper
      variant="outlined"
      aria-label={`${levelLabel(level)} components`}
      sx={{
        p: 2,
        minWidth: 130,
        borderLeft: `4px solid ${LEVEL_COLORS[level]}`,
      }}
    >
      <Typography variant="caption" color="text.secondary">
        {levelLabel(level)}
      </Typography>
      <Typography variant="h4">{value}</Typography>
    </Paper>
  );
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

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
        <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
          {LEVELS.map(level => (
            <LevelTotal
              key={level}
              level={level}
              value={totals.levels[level]}
            />
          ))}
          <Paper variant="outlined" sx={{ p: 2, minWidth: 130 }}>
            <Typography variant="caption" color="text.secondary">
              Checks met
            </Typography>
            <Typography variant="h4">
              {percent(
                (totals.passed + totals.waived) /
                  Math.max(
                    1,
                    totals.passed +
                      totals.failed +
                      totals.errors +
                      totals.waived,
                  ),
              )}
            </Typography>
          </Paper>
        </Stack>
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
      <Grid item xs={12} lg={7}>
        <ControlTable rows={summary.controls} />
      </Grid>
      <Grid item xs={12} lg={5}>
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
  const download = async (format: 'csv' | 'json') => {
    setExportError(undefined);
    try {
      save(
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
              onClick={() => download('csv')}
            >
              Export CSV
            </Button>
            <Button
              variant="outlined"
              disabled={!value?.totals.entities}
              onClick={() => download('json')}
            >
              Export JSON
            </Button>
          </Stack>
        </ContentHeader>
        <Stack direction="row" spacing={2} sx={{ mb: 3 }}>
          <Autocomplete
            multiple
            size="small"
            sx={{ minWidth: 320 }}
            options={value?.teams ?? []}
            getOptionLabel={shortRef}
            value={teams}
            onChange={(_, v) => setTeams(v)}
            renderInput={params => <TextField {...params} label="Team" />}
          />
        </Stack>
        {exportError && (
          <Alert severity="error" sx={{ mb: 2 }}>
            Export failed: {exportError.message}
          </Alert>
        )}
        {loading && <Progress />}
        {error && (
          <ResponseErrorPanel error={error} title="Could not load compliance" />
        )}
        {value && !loading && <Summary summary={value} />}
      </Content>
    </Page>
  );
}
