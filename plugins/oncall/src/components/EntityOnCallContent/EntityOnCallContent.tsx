import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { oncallEntityReadPermission } from '@gogidix/plugin-oncall-common';
import { PermissionGate } from '@gogidix/portal-react';
import Grid from '@mui/material/Grid';
import { AlertsCard } from './AlertsCard';
import { GpuRequestsCard } from './GpuRequestsCard';
import { GrafanaCard } from './GrafanaCard';
import { LogsAndTracesCard } from './LogsAndTracesCard';
import { PagerDutyCard } from './PagerDutyCard';
import { RunbooksCard } from './RunbooksCard';
import { VaultCard } from './VaultCard';
import { KUBERNETES_ID_ANNOTATION } from '@gogidix/portal-common';

/**
 * A service's on-call tab, for its team, its managers and on-call; others
 * are told who may see it.
 */
export function EntityOnCallContent() {
  const { entity } = useEntity();
  return (
    <PermissionGate
      permission={oncallEntityReadPermission}
      resourceRef={stringifyEntityRef(entity)}
      notAllowed="A service's on-call tab is for its team, their managers and on-call engineers."
      wrap={panel => <Content>{panel}</Content>}
      // The content shows its own progress once the answer is in.
      progress={null}
    >
      <OnCallCards />
    </PermissionGate>
  );
}

/** Each card reads its own source, so one failing leaves the others working. */
function OnCallCards() {
  const { entity } = useEntity();
  const runsOnKubernetes =
    !!entity.metadata.annotations?.[KUBERNETES_ID_ANNOTATION];
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
