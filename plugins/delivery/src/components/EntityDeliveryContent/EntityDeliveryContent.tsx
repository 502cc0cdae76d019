import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  deliveryEntityReadPermission,
  EntityDelivery,
} from '@gogidix/plugin-delivery-common';
import { FetchErrorPanel, PermissionGate } from '@gogidix/portal-react';
import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../apiRef';
import { DeliveryChart } from '../shared/DeliveryChart';
import { METRICS } from '../shared/format';
import { MetricHeadlines } from '../shared/MetricHeadlines';
import { MissingSources } from '../shared/MissingSources';
import { PeriodPicker } from '../shared/PeriodPicker';
import { DeploymentsTable, IncidentsTable } from './EventTables';

const NOT_ALLOWED = "A service's delivery is for its team and their managers.";

/** Nothing at all to show: no event in the period and no figure. */
function isEmpty(delivery: EntityDelivery): boolean {
  return (
    delivery.deployments.length === 0 &&
    delivery.incidents.length === 0 &&
    METRICS.every(m => delivery.metrics[m.key].value === null)
  );
}

/** The delivery tab of a component: DORA keys, deploys per day, deploys, incidents. */
export function EntityDeliveryContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return (
    <PermissionGate
      permission={deliveryEntityReadPermission}
      resourceRef={entityRef}
      notAllowed={NOT_ALLOWED}
      // The content shows its own progress once the answer is in.
      progress={null}
    >
      <EntityDeliveryView entityRef={entityRef} name={entity.metadata.name} />
    </PermissionGate>
  );
}

function EntityDeliveryView(props: { entityRef: string; name: string }) {
  const { entityRef, name } = props;
  const deliveryApi = useApi(deliveryApiRef);
  const [days, setDays] = useState(30);
  const { value, loading, error } = useAsync(
    () => deliveryApi.getEntityDelivery(entityRef, days),
    [deliveryApi, entityRef, days],
  );
  const periodPicker = <PeriodPicker days={days} onChange={setDays} />;

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <FetchErrorPanel error={error} notAllowed={NOT_ALLOWED} />;
  }
  if (!value || isEmpty(value)) {
    return (
      <EmptyState
        missing="data"
        title={`No deployments or incidents of ${name} in the last ${days} days`}
        description="Nothing arrived from the delivery sources for this period."
        action={
          <Stack spacing={2} alignItems="flex-start">
            <MissingSources
              sources={value?.sources ?? []}
              kinds={value?.sources.map(s => s.kind) ?? []}
            />
            {periodPicker}
          </Stack>
        }
      />
    );
  }

  // No <Content> wrapper: the entity page already pads its tabs.
  return (
    <Grid container spacing={2}>
      {value.conflicts.length > 0 && (
        <Grid item xs={12}>
          <Alert severity="warning" aria-label="Annotations not read">
            {value.conflicts.map(conflict => (
              <div key={conflict}>{conflict}</div>
            ))}
          </Alert>
        </Grid>
      )}
      <MetricHeadlines
        metrics={value.metrics}
        days={value.period.days}
        item={{ xs: 12, sm: 6, md: 4 }}
      />
      <Grid item xs={12}>
        <InfoCard title="Deployments per day" action={periodPicker}>
          <DeliveryChart days={value.days} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={7}>
        <DeploymentsTable
          deployments={value.deployments}
          sources={value.sources}
          days={value.period.days}
        />
      </Grid>
      <Grid item xs={12} lg={5}>
        <IncidentsTable
          incidents={value.incidents}
          sources={value.sources}
          days={value.period.days}
        />
      </Grid>
    </Grid>
  );
}
