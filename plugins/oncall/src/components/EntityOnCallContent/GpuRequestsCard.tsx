import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { kubernetesApiRef } from '@backstage/plugin-kubernetes-react';
import Typography from '@mui/material/Typography';
import useAsync from 'react-use/esm/useAsync';
import { NotConfiguredState, SourceState } from '../SourceState/SourceState';
import { GpuRequest, gpuRequests } from './gpuRequests';

const columns: TableColumn<GpuRequest>[] = [
  { title: 'Cluster', field: 'cluster' },
  { title: 'Pod', field: 'pod' },
  { title: 'Container', field: 'container' },
  { title: 'Resource', field: 'resource' },
  { title: 'GPUs', field: 'count', type: 'numeric' },
];

/**
 * The GPUs the entity's workloads request, read through Backstage's
 * Kubernetes backend (the same objects as the Kubernetes tab).
 */
export function GpuRequestsCard() {
  const { entity } = useEntity();
  const api = useApi(kubernetesApiRef);
  const state = useAsync(async () => {
    const clusters = await api.getClusters();
    if (clusters.length === 0) {
      return undefined;
    }
    return gpuRequests(await api.getObjectsByEntity({ entity, auth: {} }));
  }, [entity]);

  if (!state.loading && !state.error && state.value === undefined) {
    return (
      <InfoCard title="GPU requests">
        <NotConfiguredState
          source="Kubernetes"
          configKey="kubernetes.clusterLocatorMethods"
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard title="GPU requests">
      <SourceState source="Kubernetes" {...state}>
        {(requests: GpuRequest[]) =>
          requests.length === 0 ? (
            <Typography variant="body2">
              No workload of this entity requests a GPU.
            </Typography>
          ) : (
            <Table
              columns={columns}
              data={requests}
              options={{ paging: false, search: false, toolbar: false }}
            />
          )
        }
      </SourceState>
    </InfoCard>
  );
}
