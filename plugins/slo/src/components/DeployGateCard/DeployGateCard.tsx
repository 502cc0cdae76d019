import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  DeployGateOverride,
  sloDeployGateOverridePermission,
} from '@gogidix/plugin-slo-common';
import { FetchErrorPanel } from '@gogidix/portal-react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { sloApiRef } from '../../apiRef';

const MAX_HOURS = 24;

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/**
 * What the deploy gate answers now for a feature of this service, the
 * override in force if any, and for the owner's on-call engineers and
 * managers a way to let the service deploy despite its error budget.
 */
export function DeployGateCard({ entityRef }: { entityRef: string }) {
  const sloApi = useApi(sloApiRef);
  const [version, setVersion] = useState(0);
  const { value, loading, error } = useAsync(async () => {
    const [decision, list] = await Promise.all([
      sloApi.getDeployGate(entityRef),
      sloApi.getDeployGateOverrides(entityRef),
    ]);
    return { decision, active: list.overrides.find(o => o.active) };
  }, [sloApi, entityRef, version]);
  const mayOverride = usePermission({
    permission: sloDeployGateOverridePermission,
    resourceRef: entityRef,
  });

  return (
    <InfoCard title="Deploy gate">
      <section aria-label="Deploy gate">
        {loading && <Progress />}
        {error && (
          <FetchErrorPanel
            error={error}
            title="The deploy gate did not answer"
            notAllowed="Any signed-in user may ask the deploy gate; a service token needs slo.deployGate.evaluate."
          />
        )}
        {value && (
          <Stack spacing={2}>
            <Alert
              severity={
                value.decision.decision === 'allow' ? 'success' : 'error'
              }
            >
              <strong>
                {value.decision.decision === 'allow'
                  ? 'A feature may deploy now.'
                  : 'A feature may not deploy now.'}
              </strong>{' '}
              {value.decision.reason}
            </Alert>
            <Typography variant="body2">
              Policy <code>{value.decision.policy.text}</code> (
              {value.decision.policy.source === 'config'
                ? 'the portal default'
                : 'gogidix.io/error-budget-policy'}
              ). Pipelines ask this gate before promoting a canary to prod.
            </Typography>
            {value.active && <ActiveOverride override={value.active} />}
            {mayOverride.allowed && (
              <OverrideForm
                entityRef={entityRef}
                onCreated={() => setVersion(v => v + 1)}
              />
            )}
          </Stack>
        )}
      </section>
    </InfoCard>
  );
}

function ActiveOverride({ override }: { override: DeployGateOverride }) {
  return (
    <Alert severity="warning" aria-label="Active override">
      Override by <strong>{override.createdBy}</strong> until{' '}
      <time dateTime={override.expiresAt}>{when(override.expiresAt)}</time>: “
      {override.reason}”
    </Alert>
  );
}

function OverrideForm(props: { entityRef: string; onCreated: () => void }) {
  const sloApi = useApi(sloApiRef);
  const [hours, setHours] = useState(2);
  const [reason, setReason] = useState('');
  const [state, submit] = useAsyncFn(async () => {
    await sloApi.createDeployGateOverride({
      entityRef: props.entityRef,
      reason,
      expiresInMinutes: hours * 60,
    });
    setReason('');
    props.onCreated();
  }, [sloApi, props.entityRef, reason, hours]);
  const hoursValid =
    Number.isInteger(hours) && hours >= 1 && hours <= MAX_HOURS;

  return (
    <Stack
      component="form"
      spacing={1}
      onSubmit={event => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <TextField
          label="Hours"
          type="number"
          size="small"
          value={hours}
          onChange={event => setHours(Number(event.target.value))}
          inputProps={{ min: 1, max: MAX_HOURS, step: 1 }}
          error={!hoursValid}
          helperText={hoursValid ? ' ' : `1 to ${MAX_HOURS}`}
        />
        <TextField
          label="Reason for the override"
          size="small"
          fullWidth
          value={reason}
          onChange={event => setReason(event.target.value)}
          inputProps={{ maxLength: 500 }}
          helperText="Recorded in the audit trail"
        />
      </Stack>
      <div>
        <Button
          type="submit"
          variant="contained"
          color="warning"
          disabled={state.loading || !hoursValid || reason.trim().length < 3}
        >
          Override for {hours} {hours === 1 ? 'hour' : 'hours'}
        </Button>
      </div>
      {state.error && <Alert severity="error">{state.error.message}</Alert>}
    </Stack>
  );
}
