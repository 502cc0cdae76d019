// The catalog read phase: the same requests on both systems, in turn.
import { options, System } from '../options';
import { WorkloadManifest } from '../workload/generate';
import { BenchRequest, LoadRun, runCells, runLoad } from './load';
import { printTable, ratio } from './report';
import { median } from './stats';
/** The catalog reads measured, on both systems alike. */
export function catalogRequests(workload: WorkloadManifest): BenchRequest[] {
  const { kind, namespace, name } = workload.wellKnown.entityByName;
  return [
    {
      name: 'entity by name',
      method: 'GET',
      path: `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    },
    {
      // The catalog page's first list query (plugin-catalog's default
      // cursor pagination, 20 rows): all components, by name.
      name: 'list (20 rows)',
      method: 'GET',
      path: '/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=20&orderField=metadata.name%2Casc&totalItems=exclude',
    },
    {
      name: 'by-refs (20)',
      method: 'POST',
      path: '/api/catalog/entities/by-refs',
      body: { entityRefs: workload.wellKnown.byRefs.slice(0, 20) },
    },
    {
      // The catalog page's filter pickers.
      name: 'facets',
      method: 'GET',
      path: '/api/catalog/entity-facets?facet=kind&facet=spec.type&facet=spec.lifecycle&facet=spec.owner&facet=metadata.tags',
    },
  ];
}

export type LoadResults = Map<string, Record<System['name'], LoadRun[]>>;

/**
 * Each catalog request at each connection count, `runs` rounds, stock and
 * the portal in turn within a round so that drift in the machine's load
 * falls on both.
 */
export async function measureCatalog(
  systems: System[],
  workload: WorkloadManifest,
) {
  const results: LoadResults = new Map();
  for (const request of catalogRequests(workload)) {
    for (const connections of options.connections) {
      const key = `${request.name} @${connections}`;
      const perSystem = { stock: [], portal: [] } as Record<
        System['name'],
        LoadRun[]
      >;
      results.set(key, perSystem);
      for (let round = 1; round <= options.runs; round++) {
        for (const system of systems) {
          const run = await runLoad({
            baseUrl: system.baseUrl,
            token: system.userToken!,
            request,
            connections,
            seconds: options.seconds,
          });
          perSystem[system.name].push(run);
          console.error(
            `  ${key} ${system.name} round ${round}: ${Math.round(
              run.requestsPerSecond,
            )} req/s, P50 ${run.p50} ms, P99 ${run.p99} ms, ${
              run.errors
            } errors`,
          );
        }
      }
    }
  }
  return results;
}

export function printCatalog(results: LoadResults) {
  const rows = [
    [
      'request @connections',
      'system',
      'req/s',
      'P50 ms',
      'P99 ms',
      'errors',
      'req/s portal/stock',
      'P99 portal/stock',
    ],
  ];
  for (const [key, perSystem] of results) {
    for (const name of ['stock', 'portal'] as const) {
      const runs = perSystem[name];
      if (!runs.length) continue;
      const stock = perSystem.stock;
      rows.push([
        key,
        name,
        ...runCells(runs),
        name === 'portal' && stock.length
          ? ratio(
              median(runs.map(r => r.requestsPerSecond)),
              median(stock.map(r => r.requestsPerSecond)),
            )
          : '',
        name === 'portal' && stock.length
          ? ratio(median(runs.map(r => r.p99)), median(stock.map(r => r.p99)))
          : '',
      ]);
    }
  }
  printTable(rows);
}
