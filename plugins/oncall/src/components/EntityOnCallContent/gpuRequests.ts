import {
  ObjectsByEntityResponse,
  PodFetchResponse,
} from '@backstage/plugin-kubernetes-common';

/** Extended resources that are GPUs (NVIDIA, AMD, Intel device plugins). */
const GPU_RESOURCE =
  /^(nvidia\.com\/(gpu|mig-.+)|amd\.com\/gpu|gpu\.intel\.com\/.+)$/;

export interface GpuRequest {
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
  resource: string;
  count: number;
}

/**
 * Every container's GPU request. For extended resources Kubernetes takes the
 * limit as the request when only a limit is set, so we do the same.
 */
export function gpuRequests(response: ObjectsByEntityResponse): GpuRequest[] {
  const requests: GpuRequest[] = [];
  for (const { cluster, resources } of response.items) {
    const pods = resources
      .filter((r): r is PodFetchResponse => r.type === 'pods')
      .flatMap(r => r.resources);
    for (const pod of pods) {
      for (const container of pod.spec?.containers ?? []) {
        const declared = {
          ...container.resources?.limits,
          ...container.resources?.requests,
        };
        for (const [resource, quantity] of Object.entries(declared)) {
          if (GPU_RESOURCE.test(resource)) {
            requests.push({
              cluster: cluster.title ?? cluster.name,
              namespace: pod.metadata?.namespace ?? '',
              pod: pod.metadata?.name ?? '',
              container: container.name,
              resource,
              count: Number(quantity),
            });
          }
        }
      }
    }
  }
  return requests;
}
