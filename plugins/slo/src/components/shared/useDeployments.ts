import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DeliveryClient,
  DeploymentEvent,
} from '@gogidix/plugin-delivery-common';
import { EntitySloStatus } from '@gogidix/plugin-slo-common';
import { isNotAllowedError } from '@gogidix/portal-react';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** The span of the entity's budget timelines: the earliest snapshot to the moment shown. */
function timelineRange(
  status: EntitySloStatus | undefined,
): { from: string; to: string } | undefined {
  const starts = (status?.slos ?? []).flatMap(s =>
    s.burnDown.length > 0 ? [Date.parse(s.burnDown[0].at)] : [],
  );
  if (!status || starts.length === 0) return undefined;
  return {
    from: new Date(Math.min(...starts)).toISOString(),
    to: status.at,
  };
}

/** A portal without the delivery backend answers 404; a user it refuses, 403. */
function isAbsentOrRefused(error: unknown): boolean {
  return (
    isNotAllowedError(error) ||
    (error instanceof ResponseError && [403, 404].includes(error.statusCode))
  );
}

/**
 * The entity's deployments over its SLO timelines, from the delivery
 * backend. The SLO plugin may not import the delivery frontend plugin, so it
 * builds the delivery family's typed client itself; without that backend, or
 * when it refuses, there are simply no deploys to mark.
 */
export function useDeployments(
  entityRef: string,
  status: EntitySloStatus | undefined,
): { deployments: DeploymentEvent[]; error?: Error } {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const client = useMemo(
    () => new DeliveryClient({ discoveryApi, fetchApi }),
    [discoveryApi, fetchApi],
  );
  const range = timelineRange(status);
  const { value, error } = useAsync(async () => {
    if (!range) return [];
    try {
      return (await client.getDeployments(entityRef, range)).deployments;
    } catch (e) {
      if (isAbsentOrRefused(e)) return [];
      throw e;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, entityRef, range?.from, range?.to]);
  return { deployments: value ?? [], error };
}
