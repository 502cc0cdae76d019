import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { costEntityReadPermission } from '@gogidix/plugin-cost-common';
import Grid from '@mui/material/Grid';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '@gogidix/plugin-cost-common';
import { DailyCostChart } from '../shared/DailyCostChart';
import { Figure } from '../shared/Figure';
import { formatCost, formatRatio } from '../shared/format';
import { NotAllowed } from '../NotAllowed/NotAllowed';

/** The cost tab of a component: daily cost by category, change, forecast. */
export function EntityCostContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { loading, allowed } = usePermission({
    permission: costEntityReadPermission,
    resourceRef: entityRef,
  });
  // The tab's own progress shows once the answer is in.
  if (loading) return null;
  if (!allowed) {
    return (
      <NotAllowed
        title="Not allowed"
        message="A service's cost is for its team and their managers."
      />
    );
  }
  return <EntityCost entityRef={entityRef} name={entity.metadata.name} />;
}

function EntityCost({ entityRef, name }: { entityRef: string; name: string }) {
  const costApi = useApi(costApiRef);
  const [days, setDays] = useState(30);
  const { value, loading, error } = useAsync(
    () => costApi.getEntityCost(entityRef, days),
    [costApi, entityRef, days],
  );

  const periodPicker = (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={days}
      onChange={(_, next: number | null) => next && setDays(next)}
      aria-label="Period"
    >
      <ToggleButton value={30}>30 days</ToggleButton>
      <ToggleButton value={90}>90 days</ToggleButton>
    </ToggleButtonGroup>
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
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
      <Grid item xs={12} md={4}>
        <Figure
          title={`Last ${days} days`}
          value={formatCost(change.current, currency)}
          note={`${value.from} to ${value.to}`}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <Figure
          title="Change against the previous period"
          value={formatRatio(change.changeRatio)}
          note={`${change.change >= 0 ? '+' : ''}${formatCost(
            change.change,
            currency,
          )} (was ${formatCost(change.previous, currency)})`}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <Figure
          title={`Forecast for ${forecast.month}`}
          value={formatCost(forecast.forecast, currency)}
          note={`${formatCost(forecast.monthToDate, currency)} so far, ${
            forecast.remainingDays
          } days to go`}
        />
      </Grid>
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
