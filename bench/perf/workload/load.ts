// Puts a generated workload into a running portal through the routes real
// data takes, and lists the requests our plugins' org pages make. The
// harness authenticates with a static external-access token
// (bench/load/app-config.bench.yaml): a service principal, which
// Backstage lets past the permission policy, so every route used here
// accepts it (the portal's policy alone would allow none of these writes
// to anyone but a platform admin).
import fs from 'node:fs';
import path from 'node:path';
import { readWorkload, WorkloadManifest } from './generate';

export interface PluginEndpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export function readManifest(dir: string): WorkloadManifest {
  const workload = readWorkload(dir);
  if (!workload) {
    throw new Error(
      `No workload in ${dir}: run bench/perf/workload/generate.ts`,
    );
  }
  return workload;
}

/** The root Location file, for a config location or a registration. */
export function catalogLocation(dir: string) {
  return {
    type: 'file',
    target: path.resolve(dir, readManifest(dir).catalog.root),
  };
}

async function call(
  baseUrl: string,
  token: string,
  method: string,
  route: string,
  body?: { type: string; data: string | Buffer },
): Promise<Response> {
  return fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': body.type } : {}),
    },
    ...(body ? { body: body.data } : {}),
  });
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) {
    throw new Error(
      `${what}: HTTP ${response.status} ${(await response.text()).slice(
        0,
        300,
      )}`,
    );
  }
  return (await response.json()) as T;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} did not happen within ${timeoutMs / 1000} s${
          last ? ` (last error: ${(last as Error).message})` : ''
        }`,
      );
    }
    await sleep(intervalMs);
  }
}

/**
 * Registers the workload's root Location through the catalog API, as a
 * platform admin would. The alternative is a config location (see
 * {@link catalogLocation}); registration is what the ingest timing should
 * start from, since a config location starts processing at start-up.
 */
export async function registerCatalog(
  baseUrl: string,
  token: string,
  dir: string,
): Promise<{ locationId: string; registeredAt: number }> {
  const registeredAt = Date.now();
  const result = await json<{ location: { id: string } }>(
    await call(baseUrl, token, 'POST', '/api/catalog/locations', {
      type: 'application/json',
      data: JSON.stringify(catalogLocation(dir)),
    }),
    'Registering the workload location',
  );
  return { locationId: result.location.id, registeredAt };
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

/** Triggers a plugin's scheduled task now; waits while a run is under way. */
async function triggerTask(
  baseUrl: string,
  token: string,
  plugin: string,
  task: string,
  timeoutMs: number,
): Promise<number> {
  return poll(
    `Triggering ${plugin}'s ${task}`,
    async () => {
      const accepted = Date.now();
      const response = await call(
        baseUrl,
        token,
        'POST',
        `/api/${plugin}/.backstage/scheduler/v1/tasks/${task}/trigger`,
      );
      if (response.status === 409) return undefined; // running: try again
      if (!response.ok) {
        throw new Error(`HTTP ${response.status} ${await response.text()}`);
      }
      return accepted;
    },
    timeoutMs,
    2000,
  );
}

export interface PluginDataTimings {
  /** Per FOCUS file: POST /api/cost/imports. */
  costImports: Array<{ file: string; rows: number; ms: number }>;
  costMs: number;
  /** The 1,000 reports through POST /api/compliance/entities/…/trivy. */
  trivyUploadsMs: number;
  /** Trigger to every workload SLO evaluated in GET /api/slo/summary. */
  sloMs: number;
  /** Trigger to a round covering every workload repository in GET /api/compliance/summary. */
  complianceMs: number;
}

/**
 * Imports the FOCUS files, uploads the Trivy reports as CI does, then
 * triggers the SLO and compliance tasks and returns once their org page
 * APIs show every workload entity: every SLO evaluated (a status other
 * than `missing`), and a compliance round, started after the uploads,
 * that scored every repository. Call it after {@link waitUntilIngested}.
 */
export async function loadPluginData(
  baseUrl: string,
  token: string,
  dir: string,
  timeoutMs = 15 * 60_000,
): Promise<PluginDataTimings> {
  const workload = readManifest(dir);
  const timings: PluginDataTimings = {
    costImports: [],
    costMs: 0,
    trivyUploadsMs: 0,
    sloMs: 0,
    complianceMs: 0,
  };

  let t = Date.now();
  for (const file of workload.cost.files) {
    const started = Date.now();
    const result = await json<{ rows: number }>(
      await call(
        baseUrl,
        token,
        'POST',
        '/api/cost/imports?source=perf-workload',
        {
          type: 'text/csv',
          data: fs.readFileSync(path.join(dir, file.path)),
        },
      ),
      `Importing ${file.path}`,
    );
    if (result.rows !== file.rows) {
      throw new Error(
        `${file.path}: imported ${result.rows} rows, not ${file.rows}`,
      );
    }
    timings.costImports.push({
      file: file.path,
      rows: result.rows,
      ms: Date.now() - started,
    });
  }
  timings.costMs = Date.now() - t;

  t = Date.now();
  const reports = [...workload.compliance.reports];
  const upload = async () => {
    for (let report = reports.shift(); report; report = reports.shift()) {
      const name = path.basename(report, '.json');
      await json(
        await call(
          baseUrl,
          token,
          'POST',
          `/api/compliance/entities/component/default/${name}/trivy`,
          {
            type: 'application/json',
            data: fs.readFileSync(path.join(dir, report)),
          },
        ),
        `Uploading ${report}`,
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, upload));
  timings.trivyUploadsMs = Date.now() - t;

  // SLO facts feed compliance: the SLOs first.
  t = Date.now();
  await triggerTask(baseUrl, token, 'slo', 'slo-definitions', timeoutMs);
  await poll(
    'Every workload SLO evaluated',
    async () => {
      const summary = await json<{
        slos: Array<{ entityRef: string; status: string }>;
      }>(
        await call(baseUrl, token, 'GET', '/api/slo/summary'),
        'Reading the SLO summary',
      );
      const evaluated = summary.slos.filter(
        s => s.status !== 'missing' && s.entityRef.includes('/'),
      ).length;
      return evaluated >= workload.slo.count ? true : undefined;
    },
    timeoutMs,
    2000,
  );
  timings.sloMs = Date.now() - t;

  t = Date.now();
  const triggered = await triggerTask(
    baseUrl,
    token,
    'compliance',
    'compliance-round',
    timeoutMs,
  );
  const repositories = workload.compliance.reports.map(
    r => `component:default/${path.basename(r, '.json')}`,
  );
  await poll(
    'A compliance round over every workload repository',
    async () => {
      const summary = await json<{
        evaluatedAt: string | null;
        entities: Array<{ entityRef: string }>;
      }>(
        await call(baseUrl, token, 'GET', '/api/compliance/summary'),
        'Reading the compliance summary',
      );
      if (
        !summary.evaluatedAt ||
        Date.parse(summary.evaluatedAt) < triggered - 1000
      ) {
        return undefined;
      }
      const scored = new Set(summary.entities.map(e => e.entityRef));
      return repositories.every(r => scored.has(r)) ? true : undefined;
    },
    timeoutMs,
    2000,
  );
  timings.complianceMs = Date.now() - t;
  return timings;
}

/**
 * The API requests the plugins' org pages make when they open
 * (plugins/slo OrgSloPage, plugins/compliance OrgCompliancePage,
 * plugins/cost CostPage), unfiltered and filtered to one team, as the
 * pages' clients build them.
 */
export function pluginEndpoints(
  workload: Pick<WorkloadManifest, 'wellKnown'>,
): PluginEndpoint[] {
  const team = workload.wellKnown.team;
  const group = encodeURIComponent(`group:default/${team}`);
  return [
    { name: 'SLO org page', method: 'GET', path: '/api/slo/summary' },
    {
      name: 'SLO org page, one team',
      method: 'GET',
      path: `/api/slo/summary?owner=${group}`,
    },
    {
      name: 'compliance org page',
      method: 'GET',
      path: '/api/compliance/summary',
    },
    {
      name: 'compliance org page, one team',
      method: 'GET',
      path: `/api/compliance/summary?team=${group}`,
    },
    {
      name: 'cost page overview',
      method: 'GET',
      path: '/api/cost/overview?days=30',
    },
    { name: 'cost page savings', method: 'GET', path: '/api/cost/savings' },
    {
      name: 'cost team page overview',
      method: 'GET',
      path: `/api/cost/overview?days=30&team=${encodeURIComponent(team)}`,
    },
    {
      name: 'cost team page savings',
      method: 'GET',
      path: `/api/cost/savings?team=${encodeURIComponent(team)}`,
    },
  ];
}
