// The plugin phase, on the portal only: our org page APIs and a scaffolder run.
import { options, System } from '../options';
import { WorkloadManifest } from '../workload/generate';
import { PluginDataTimings, pluginEndpoints } from '../workload/load';
import { BenchRequest, LoadRun, runLoad } from './load';
import { createService } from './scaffolderRun';

/** Measures the org page APIs and a scaffolder run, once the plugin data is loaded. */
export async function measurePlugins(
  portal: System,
  workload: WorkloadManifest,
  timings: PluginDataTimings,
) {
  const results = new Map<string, LoadRun[]>();
  for (const endpoint of pluginEndpoints(workload)) {
    const request: BenchRequest = {
      ...endpoint,
      body: endpoint.body && JSON.parse(endpoint.body),
    };
    const runs: LoadRun[] = [];
    for (let round = 1; round <= options.runs; round++) {
      const run = await runLoad({
        baseUrl: portal.baseUrl,
        token: portal.adminToken!,
        request,
        connections: 10,
        seconds: options.seconds,
      });
      runs.push(run);
      console.error(
        `  ${endpoint.name} round ${round}: ${Math.round(
          run.requestsPerSecond,
        )} req/s, P95 ${run.p95} ms, ${run.errors} errors`,
      );
    }
    results.set(endpoint.name, runs);
  }
  const scaffolder: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    scaffolder.push(
      await createService(
        portal.baseUrl,
        portal.userToken!,
        `perf-service-${Date.now()}-${i}`,
      ),
    );
  }
  return { timings, results, scaffolder };
}
