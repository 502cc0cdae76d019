// Puts a generated workload into a running portal through the routes real
// data takes, and lists the requests our plugins' org pages make. The
// harness authenticates with a static external-access token
// (bench/load/app-config.bench.yaml): a service principal, which
// Backstage lets past the permission policy, so every route used here
// accepts it (the portal's policy alone would allow none of these writes
// to anyone but a platform admin). The scheduler's routes are the
// exception: the portal refuses service tokens there, so the SLO and
// compliance rounds are started as a platform admin.
import fs from 'node:fs';
import path from 'node:path';
import { readManifest } from './catalog';
import { WorkloadManifest } from './generate';
import { call, json, poll } from './http';

export {
  catalogLocation,
  prepareCatalog,
  readManifest,
  registerCatalog,
  waitUntilIngested,
} from './catalog';

export interface PluginEndpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/**
 * Triggers a plugin's scheduled task now (the scheduler's own route); when
 * a run is under way, waits for it to end and triggers again, so that the
 * run returned for starts after everything before the call.
 */
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
 * The scheduler's routes are for platform admins only (a service token is
 * refused there), so the triggers go with `adminToken`, a platform admin's.
 */
export async function loadPluginData(
  baseUrl: string,
  token: string,
  adminToken: string,
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
  // Not waited for: a run already under way (409) and the next one, a
  // minute later, read the catalog too; the summary decides when it is done.
  await call(
    baseUrl,
    adminToken,
    'POST',
    '/api/slo/.backstage/scheduler/v1/tasks/slo-definitions/trigger',
  );
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
    adminToken,
    'compliance',
    'compliance-round',
    timeoutMs,
  );
  // A round that began after the uploads scores every component, so its
  // end is when the org page shows them all. The summary lists only the
  // worst components (a bounded list); its totals count every one.
  await poll(
    'A compliance round over every workload repository',
    async () => {
      const summary = await json<{
        evaluatedAt: string | null;
        totals: { entities: number };
      }>(
        await call(baseUrl, token, 'GET', '/api/compliance/summary'),
        'Reading the compliance summary',
      );
      const done =
        summary.evaluatedAt !== null &&
        Date.parse(summary.evaluatedAt) >= triggered - 1000 &&
        summary.totals.entities >= workload.compliance.reports.length;
      return done ? true : undefined;
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
