import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@mui/material/Grid';
import { AlertsCard } from './AlertsCard';
import { GpuRequestsCard } from './GpuRequestsCard';
import { GrafanaCard } from './GrafanaCard';
import { LogsAndTracesCard } from './LogsAndTracesCard';
import { PagerDutyCard } from './PagerDutyCard';
import { RunbooksCard } from './RunbooksCard';
import { VaultCard } from './VaultCard';

/** Each card reads its own source, so one failing leaves the others working. */
export function EntityOnCallContent() {
  const { entity } = useEntity();
  const runsOnKubernetes =
    !!entity.metadata.annotations?.['backstage.io/kubernetes-id'];
  return (
    <Content>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <PagerDutyCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <RunbooksCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <AlertsCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <LogsAndTracesCard />
        </Grid>
        <Grid item xs={12}>
          <GrafanaCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <VaultCard />
        </Grid>
        {runsOnKubernetes && (
          <Grid item xs={12} md={6}>
            <GpuRequestsCard />
          </Grid>
        )}
      </Grid>
    </Content>
  );
}
