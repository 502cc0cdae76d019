import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EmptyState, Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { FetchErrorPanel } from '@gogidix/portal-react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../apiRef';
import { DeployGateCard } from '../DeployGateCard/DeployGateCard';
import { NoSliSource } from '../shared/NoSliSource';
import { useDeployments } from '../shared/useDeployments';
import { SloCard } from './SloCard';

/** `datetime-local` values are local time without a zone; the API takes an instant. */
const fromLocalInput = (value: string) => (value ? new Date(value) : undefined);

/**
 * The entity's SLO tab: every SLO of its OpenSLO document, now or as of a
 * past moment (for postmortems), with what is wrong in the document.
 */
export function EntitySloContent() {
  const { entity } = useEntity();
  const sloApi = useApi(sloApiRef);
  const [asOf, setAsOf] = useState('');
  const at = fromLocalInput(asOf);
  const atKey = at?.toISOString();
  const { value, loading, error } = useAsync(
    () => sloApi.getEntityStatus(getCompoundEntityRef(entity), at),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sloApi, entity, atKey],
  );
  const deploys = useDeployments(stringifyEntityRef(entity), value);

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} alignItems="center">
        <TextField
          label="As of"
          type="datetime-local"
          size="small"
          value={asOf}
          onChange={e => setAsOf(e.target.value)}
          InputLabelProps={{ shrink: true }}
          helperText="Leave empty for now"
        />
        {asOf && <Button onClick={() => setAsOf('')}>Back to now</Button>}
      </Stack>
      {loading && <Progress />}
      {error && (
        <FetchErrorPanel
          error={error}
          title="Could not load the SLOs"
          notAllowed="This service's SLOs are not open to you."
        />
      )}
      {value && value.sliSource === 'none' && <NoSliSource />}
      {value && (
        <>
          {value.notice && value.sliSource !== 'none' && (
            <Alert severity="warning" title="Last known values">
              {value.notice}
            </Alert>
          )}
          {value.problems.length > 0 && (
            <WarningPanel
              severity="error"
              title={`The OpenSLO document has ${value.problems.length} problem(s)`}
              defaultExpanded
            >
              {value.problems.map(problem => (
                <Typography
                  key={`${problem.path}:${problem.message}`}
                  variant="body2"
                >
                  <code>{problem.path}</code>: {problem.message}{' '}
                  <Typography
                    component="span"
                    variant="caption"
                    color="text.secondary"
                  >
                    ({problem.source})
                  </Typography>
                </Typography>
              ))}
            </WarningPanel>
          )}
          {value.slos.length === 0 && value.problems.length === 0 && (
            <EmptyState
              missing="content"
              title="No SLOs yet"
              description="The OpenSLO document names no SLO. Add an SLO with an SLI to it."
            />
          )}
          {deploys.error && (
            <Typography variant="caption" color="text.secondary">
              Deploys are not marked: {deploys.error.message}
            </Typography>
          )}
          {/* The gate answers for now: not shown for a past moment. */}
          {!at && value.slos.length > 0 && (
            <DeployGateCard entityRef={value.entityRef} />
          )}
          {value.sliSource !== 'none' &&
            value.slos.map(status => (
              <SloCard
                key={status.slo.id}
                status={status}
                deployments={deploys.deployments}
              />
            ))}
        </>
      )}
    </Stack>
  );
}
