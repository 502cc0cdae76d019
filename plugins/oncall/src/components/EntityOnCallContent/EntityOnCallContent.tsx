import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  oncallEntityReadPermission,
  oncallRespondersReadPermission,
} from '@gogidix/plugin-oncall-common';
import { NotAllowed, PermissionGate } from '@gogidix/portal-react';
import Grid from '@mui/material/Grid';
import { AlertsCard } from './AlertsCard';
import {
  componentDependencies,
  DependenciesOnCallCard,
} from './DependenciesOnCallCard';
import { GpuRequestsCard } from './GpuRequestsCard';
import { GrafanaCard } from './GrafanaCard';
import { LogsAndTracesCard } from './LogsAndTracesCard';
import { PagerDutyCard } from './PagerDutyCard';
import { RunbooksCard } from './RunbooksCard';
import { VaultCard } from './VaultCard';
import { KUBERNETES_ID_ANNOTATION } from '@gogidix/portal-common';

const TAB_IS_FOR =
  "A service's on-call tab is for its team, their managers and on-call engineers.";

/**
 * A service's on-call tab, for its team, its managers and on-call. The
 * teams whose components depend on the service see who is on call for it;
 * others are told who may see the tab.
 */
export function EntityOnCallContent() {
  const { entity } = useEntity();
  const resourceRef = stringifyEntityRef(entity);
  const tab = usePermission({
    permission: oncallEntityReadPermission,
    resourceRef,
  });
  // The content shows its own progress once the answer is in.
  if (tab.loading) {
    return null;
  }
  if (tab.allowed) {
    return <OnCallCards />;
  }
  return (
    <PermissionGate
      permission={oncallRespondersReadPermission}
      resourceRef={resourceRef}
      notAllowed={TAB_IS_FOR}
      wrap={panel => <Content>{panel}</Content>}
      progress={null}
    >
      <RespondersOnly />
    </PermissionGate>
  );
}

/** For a team that depends on the service: whom to call, nothing more. */
function RespondersOnly() {
  return (
    <Content>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <PagerDutyCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <NotAllowed
            title="Who is on call only"
            message={`A service your team depends on: you see who is on call for it and its open incidents. ${TAB_IS_FOR}`}
          />
        </Grid>
      </Grid>
    </Content>
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
        {componentDependencies(entity).length > 0 && (
          <Grid item xs={12} md={6}>
            <DependenciesOnCallCard />
          </Grid>
        )}
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
