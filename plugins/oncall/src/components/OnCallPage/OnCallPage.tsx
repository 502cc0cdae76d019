import { parseEntityRef } from '@backstage/catalog-model';
import {
  Content,
  ContentHeader,
  InfoCard,
  Link,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { oncallAlertReadPermission } from '@gogidix/plugin-oncall-common';
import { PermissionGate } from '@gogidix/portal-react';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { AlertList } from '../AlertList/AlertList';
import { SourceState } from '../SourceState/SourceState';
import { groupAlerts } from './groupAlerts';

/**
 * Everything firing now across the organisation, by service and severity:
 * for on-call engineers.
 */
export function OnCallPage() {
  return (
    <PermissionGate
      permission={oncallAlertReadPermission}
      notAllowed="The list of every firing alert is for on-call engineers. Your services' alerts are on each service's On-call tab."
      wrap={panel => <Content>{panel}</Content>}
      // The content shows its own progress once the answer is in.
      progress={null}
    >
      <FiringAlerts />
    </PermissionGate>
  );
}

function FiringAlerts() {
  const api = useApi(onCallApiRef);
  const { loading, error, value } = useAsync(() => api.firingAlerts(), []);

  return (
    <Content>
      <ContentHeader title="Firing now">
        <Typography variant="body2" color="text.secondary">
          From Alertmanager: active alerts that are not silenced or inhibited.
        </Typography>
      </ContentHeader>
      <SourceState
        source="Alertmanager"
        loading={loading}
        error={error}
        value={value}
      >
        {({ alerts }) =>
          alerts.length === 0 ? (
            <InfoCard title="Nothing is firing">
              <Typography>
                No active alerts in Alertmanager right now.
              </Typography>
            </InfoCard>
          ) : (
            <Grid container spacing={2}>
              {groupAlerts(alerts).map(group => (
                <Grid item xs={12} md={6} key={group.service}>
                  <InfoCard
                    title={
                      group.entityRef ? (
                        <Link to={entityPagePath(group.entityRef)}>
                          {group.service}
                        </Link>
                      ) : (
                        group.service
                      )
                    }
                    subheader={`${group.bySeverity.reduce(
                      (n, s) => n + s.alerts.length,
                      0,
                    )} firing`}
                  >
                    {group.bySeverity.map(({ severity, alerts: list }) => (
                      <section
                        key={severity}
                        aria-label={`${group.service} ${severity}`}
                      >
                        <Typography variant="overline">{severity}</Typography>
                        <AlertList alerts={list} />
                      </section>
                    ))}
                  </InfoCard>
                </Grid>
              ))}
            </Grid>
          )
        }
      </SourceState>
    </Content>
  );
}

function entityPagePath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
}
