import { ResponseError } from '@backstage/errors';
import { WorkloadAllocation } from '@gogidix/plugin-cost-common';

/**
 * The parts of an OpenCost allocation (GET /allocation) the portal reads.
 * Field names are OpenCost's; `gpuAllocation` is reported by OpenCost 1.108+
 * when GPU metrics (DCGM) are scraped.
 */
export interface OpenCostAllocation {
  name: string;
  properties?: { namespace?: string; labels?: Record<string, string> };
  start: string;
  end: string;
  minutes: number;
  cpuCoreRequestAverage: number;
  cpuCoreUsageAverage: number;
  cpuCost: number;
  ramByteRequestAverage: number;
  ramByteUsageAverage: number;
  ramCost: number;
  gpuHours: number;
  gpuCost: number;
  gpuAllocation?: {
    gpuRequestAverage?: number;
    gpuUsageAverage?: number;
  } | null;
  totalCost: number;
}

/** OpenCost's response: one map of allocations per step of the window. */
export interface OpenCostAllocationResponse {
  code: number;
  data: Array<Record<string, OpenCostAllocation> | null>;
  message?: string;
}

// OpenCost's name for the share of a namespace with no value for the label.
const UNALLOCATED_LABEL = '__unallocated__';
const IDLE = '__idle__';

/**
 * Turns an /allocation response aggregated by `namespace,label:<label>` into
 * workload allocations. Idle cluster capacity has no namespace and is left
 * out: it is no team's request.
 */
export function parseAllocationResponse(
  response: OpenCostAllocationResponse,
  workloadLabel: string,
): WorkloadAllocation[] {
  const result: WorkloadAllocation[] = [];
  for (const step of response.data) {
    for (const [name, a] of Object.entries(step ?? {})) {
      if (name === IDLE || name.startsWith(`${IDLE}/`)) {
        continue;
      }
      const [nameNamespace, nameWorkload] = name.split('/');
      const namespace = a.properties?.namespace ?? nameNamespace;
      const workload = a.properties?.labels?.[workloadLabel] ?? nameWorkload;
      const gpuRequest = a.gpuAllocation?.gpuRequestAverage;
      const gpuUsage = a.gpuAllocation?.gpuUsageAverage;
      result.push({
        date: a.start.slice(0, 10),
        namespace,
        workload: !workload || workload === UNALLOCATED_LABEL ? null : workload,
        windowHours: a.minutes / 60,
        cpuCoreRequestAverage: a.cpuCoreRequestAverage,
        cpuCoreUsageAverage: a.cpuCoreUsageAverage,
        cpuCost: a.cpuCost,
        ramByteRequestAverage: a.ramByteRequestAverage,
        ramByteUsageAverage: a.ramByteUsageAverage,
        ramCost: a.ramCost,
        gpuHours: a.gpuHours,
        gpuCost: a.gpuCost,
        // Utilisation as a share of the GPUs requested.
        gpuUsageAverage:
          gpuRequest && gpuUsage !== undefined ? gpuUsage / gpuRequest : null,
        totalCost: a.totalCost,
      });
    }
  }
  return result;
}

/** Reads allocations from OpenCost's HTTP API. */
export class OpenCostClient {
  constructor(
    private readonly options: {
      baseUrl: string;
      workloadLabel: string;
      fetch?: typeof fetch;
    },
  ) {}

  /** Daily allocations per namespace and workload over the last `window`. */
  async dailyAllocations(window: string): Promise<WorkloadAllocation[]> {
    const params = new URLSearchParams({
      window,
      aggregate: `namespace,label:${this.options.workloadLabel}`,
      step: '1d',
      accumulate: 'false',
    });
    const url = `${this.options.baseUrl.replace(
      /\/$/,
      '',
    )}/allocation?${params}`;
    const response = await (this.options.fetch ?? fetch)(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as OpenCostAllocationResponse;
    if (body.code !== 200) {
      throw new Error(
        `OpenCost answered code ${body.code}: ${body.message ?? 'no message'}`,
      );
    }
    return parseAllocationResponse(body, this.options.workloadLabel);
  }
}
