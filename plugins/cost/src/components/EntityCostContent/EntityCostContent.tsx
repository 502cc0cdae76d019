import {
  EmptyState,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { costEntityReadPermission } from '@gogidix/plugin-cost-common';
import { FetchErrorPanel, PermissionGate } from '@gogidix/portal-react';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../../apiRef';
import { DailyCostChart } from '../shared/DailyCostChart';
import { PeriodHeadlines, PeriodPicker } from '../shared/PeriodHeadlines';

/** The cost tab of a component: daily cost by category, change, forecast. */
export function EntityCostContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  return (
    <PermissionGate
      permission={costEntityReadPermission}
      resourceRef={entityRef}
      notAllowed="A service's cost is for its team and their managers."
      // The content shows its own progress once the answer is in.
      progress={null}
    >
      <EntityCost entityRef={entityRef} name={entity.metadata.name} />
    </PermissionGate>
  );
}

function EntityCost({ entityRef, name }: { entityRef: string; name: string }) {
  const costApi = useApi(costApiRef);
  const [days, setDays] = useState(30);
  const { value, loading, error } = useAsync(
    () => costApi.getEntityCost(entityRef, days),
    [costApi, entityRef, days],
  );

  const periodPicker = <PeriodPicker days={days} onChange={setDays} />;

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <FetchErrorPanel
        error={error}
        notAllowed="A service's cost is for its team and their managers."
      />
    );
  }
  // A claim another owner contests costs nothing here until resolved: say so.
  const conflicts = value?.conflicts.length ? (
    <WarningPanel
      severity="warning"
      title="Some of this component's annotations do not count"
    >
      {value.conflicts.map(reason => (
        <Typography variant="body2" key={reason}>
          {reason}
        </Typography>
      ))}
    </WarningPanel>
  ) : null;
  if (!value || value.change.current === 0) {
    return (
      <>
        {conflicts}
        <EmptyState
          missing="data"
          title={`No cost attributed to ${name} in the last ${days} days`}
          description="Cost is matched by the resource tag `service`, or by the Kubernetes namespace and workload label in the annotations backstage.io/kubernetes-namespace and backstage.io/kubernetes-id."
          action={periodPicker}
        />
      </>
    );
  }

  const { change, forecast, currency } = value;
  // No <Content> wrapper: the entity page already pads its tabs.
  return (
    <Grid container spacing={3}>
      {conflicts && (
        <Grid item xs={12}>
          {conflicts}
        </Grid>
      )}
      <PeriodHeadlines
        days={days}
        from={value.from}
        to={value.to}
        change={change}
        comparison={value.comparison}
        forecast={forecast}
        currency={currency}
        item={{ xs: 12, md: 4 }}
        detailed
      />
      <Grid item xs={12}>
        <InfoCard title="Daily cost by service category" action={periodPicker}>
          <DailyCostChart
            daily={value.daily}
            parts={value.categories}
            currency={currency}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
