import { InfoCard } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { onCallApiRef } from '../../apiRef';
import { AlertList } from '../AlertList/AlertList';
import { SourceState } from '../SourceState/SourceState';

export function AlertsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(onCallApiRef);
  const state = useAsync(() => api.firingAlerts(entityRef), [entityRef]);

  return (
    <InfoCard title="Firing alerts">
      <SourceState source="Alertmanager" {...state}>
        {({ alerts }) =>
          alerts.length === 0 ? (
            <Typography variant="body2">Nothing is firing.</Typography>
          ) : (
            <AlertList alerts={alerts} />
          )
        }
      </SourceState>
    </InfoCard>
  );
}
