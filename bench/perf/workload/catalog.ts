// The workload into a catalog: registration and the wait until it is
// processed and stitched. Works the same on the portal and stock Backstage.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { readWorkload, WorkloadManifest } from './generate';
import { call, json, poll } from './http';

export function readManifest(dir: string): WorkloadManifest {
  const workload = readWorkload(dir);
  if (!workload) {
    throw new Error(
      `No workload in ${dir}: run bench/perf/workload/generate.ts`,
    );
  }
  return workload;
}

/**
 * Registration, timed the same way on the portal and on stock Backstage.
 * Neither accepts a `file` location through `POST /api/catalog/locations`
 * (the catalog allows `url` only, and only code can change that), and a
 * `url` location would hide the repositories from the SLO and compliance
 * plugins. So the catalog is given, in config, a location file of its own
 * (see {@link prepareCatalog}) that starts empty; {@link registerCatalog}
 * points it at the workload and asks the catalog to refresh it, the moment
 * the ingest is timed from.
 */
const registrationEntity = (instance: string) => `perf-workload-${instance}`;
const registrationFile = (dir: string, instance: string) =>
  path.resolve(dir, 'catalog', `registration-${instance}.yaml`);

function writeRegistration(dir: string, instance: string, targets: string[]) {
  fs.writeFileSync(
    registrationFile(dir, instance),
    stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: {
        name: registrationEntity(instance),
        description: 'The performance workload, once registerCatalog has run.',
      },
      spec: { targets },
    }),
  );
}

/**
 * Writes the empty registration file for one catalog (`instance`, e.g.
 * `portal` or `stock`, so two can share a workload) and returns the entry
 * for its `catalog.locations`. Call it before that catalog starts.
 */
export function prepareCatalog(dir: string, instance = 'portal') {
  readManifest(dir);
  writeRegistration(dir, instance, []);
  return { type: 'file', target: registrationFile(dir, instance) };
}

/** The root Location itself, for a config location read at start-up. */
export function catalogLocation(dir: string) {
  return {
    type: 'file',
    target: path.resolve(dir, readManifest(dir).catalog.root),
  };
}

/**
 * Waits for the empty registration location to be in the catalog, then
 * points it at the workload's root Location and refreshes it (the refresh
 * re-reads the file: the catalog refreshes an entity's location ancestors
 * with it). Returns when the refresh was asked for (ms since the epoch).
 */
export async function registerCatalog(
  baseUrl: string,
  token: string,
  dir: string,
  instance = 'portal',
  timeoutMs = 120_000,
): Promise<{ registeredAt: number }> {
  const entityRef = `location:default/${registrationEntity(instance)}`;
  await poll(
    `${entityRef} appearing in the catalog (is prepareCatalog's location in catalog.locations?)`,
    async () =>
      (
        await call(
          baseUrl,
          token,
          'GET',
          `/api/catalog/entities/by-name/location/default/${registrationEntity(
            instance,
          )}`,
        )
      ).ok || undefined,
    timeoutMs,
    500,
  );
  const registeredAt = Date.now();
  writeRegistration(dir, instance, ['./all.yaml']);
  const response = await call(baseUrl, token, 'POST', '/api/catalog/refresh', {
    type: 'application/json',
    data: JSON.stringify({ entityRef }),
  });
  if (!response.ok) {
    throw new Error(
      `Refreshing ${entityRef}: HTTP ${
        response.status
      } ${await response.text()}`,
    );
  }
  return { registeredAt };
}

/**
 * Waits until the workload is ingested: processed AND stitched, which
 * means, concretely, that
 *  1. `/entity-facets?facet=kind` counts, for every kind the workload
 *     holds, at least as many entities as it generated (entities appear in
 *     the read API only once stitched; the root Location is not counted),
 *     and
 *  2. every entity of the manifest's stitched sample (groups, a user, a
 *     domain, a system, an API, a resource and components spread over all
 *     files) carries every relation the generator expects, in both
 *     directions: a team's `ownerOf` each component it owns, a system's
 *     `hasPart`, an API's `apiProvidedBy`/`apiConsumedBy`. An inverse
 *     relation is there only once the other side was processed and this
 *     side stitched again, which a count alone cannot tell.
 * Each poll is two requests (facets, and by-refs for the sample).
 */
export async function waitUntilIngested(
  baseUrl: string,
  token: string,
  workload: Pick<WorkloadManifest, 'catalog' | 'stitchedSample'>,
  timeoutMs: number,
  intervalMs = 1000,
): Promise<{ polls: number; counts: Record<string, number> }> {
  let polls = 0;
  let counts: Record<string, number> = {};
  await poll(
    'The workload being processed and stitched',
    async () => {
      polls++;
      const facets = await json<{
        facets: { kind: Array<{ value: string; count: number }> };
      }>(
        await call(
          baseUrl,
          token,
          'GET',
          '/api/catalog/entity-facets?facet=kind',
        ),
        'Counting entities',
      );
      counts = Object.fromEntries(
        facets.facets.kind.map(f => [f.value, f.count]),
      );
      const short = Object.entries(workload.catalog.counts).some(
        ([kind, count]) => (counts[kind] ?? 0) < count,
      );
      if (short) return undefined;
      const { items } = await json<{
        items: Array<{
          relations?: Array<{ type: string; targetRef: string }>;
        } | null>;
      }>(
        await call(baseUrl, token, 'POST', '/api/catalog/entities/by-refs', {
          type: 'application/json',
          data: JSON.stringify({
            entityRefs: workload.stitchedSample.map(s => s.entityRef),
            fields: ['relations'],
          }),
        }),
        'Reading the stitched sample',
      );
      const complete = workload.stitchedSample.every((sample, i) => {
        const have = new Set(
          (items[i]?.relations ?? []).map(r => `${r.type} ${r.targetRef}`),
        );
        return sample.relations.every(r => have.has(r));
      });
      return complete ? true : undefined;
    },
    timeoutMs,
    intervalMs,
  );
  return { polls, counts };
}
