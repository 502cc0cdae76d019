import { sendJson, StandIn, startStandIn } from '@gogidix/test-kit';
import { OpenCostAllocation } from '../service/openCost';

/**
 * A local server speaking OpenCost's documented `GET /allocation` API
 * (https://www.opencost.io/docs/integrations/api): query parameters
 * `window`, `aggregate`, `step`, `accumulate`; answers
 * `{ code, data: [ { <name>: allocation } per step ] }`. OpenCost itself
 * needs a Kubernetes cluster and Prometheus, neither of which runs here.
 */
export async function startOpenCostStandIn(
  steps: Array<Record<string, OpenCostAllocation>>,
): Promise<StandIn> {
  return startStandIn((_req, res, url) => {
    const send = (status: number, body: unknown) => sendJson(res, status, body);
    if (url.pathname !== '/allocation') {
      send(404, { code: 404, message: 'Not found' });
      return;
    }
    const window = url.searchParams.get('window');
    if (
      !window ||
      !/^(\d+[mhd]|today|yesterday|week|month|lastweek|lastmonth|\S+,\S+)$/.test(
        window,
      )
    ) {
      send(400, { code: 400, message: `Invalid window: '${window ?? ''}'` });
      return;
    }
    const accumulate = url.searchParams.get('accumulate');
    if (accumulate === 'true') {
      // Accumulating folds every step into one set.
      send(200, { code: 200, data: [Object.assign({}, ...steps)] });
      return;
    }
    send(200, { code: 200, data: steps });
  });
}

/** An allocation as OpenCost reports it, with realistic fields. */
export function openCostAllocation(
  namespace: string,
  workload: string,
  day: string,
  change: Partial<OpenCostAllocation> = {},
): OpenCostAllocation {
  return {
    name: `${namespace}/${workload}`,
    properties: {
      namespace,
      labels: workload === '__unallocated__' ? {} : { app: workload },
    },
    start: `${day}T00:00:00Z`,
    end: `${day}T23:59:59Z`,
    minutes: 1440,
    cpuCoreRequestAverage: 1,
    cpuCoreUsageAverage: 0.8,
    cpuCost: 0.75,
    ramByteRequestAverage: 2147483648,
    ramByteUsageAverage: 1800000000,
    ramCost: 0.2,
    gpuHours: 0,
    gpuCost: 0,
    gpuAllocation: null,
    totalCost: 0.95,
    ...change,
  };
}
