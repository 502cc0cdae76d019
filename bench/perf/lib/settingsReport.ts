// What bench/perf/run.ts prints besides the load figures: the settings
// both catalogs ran with, and the catalog page in the browser side by side.
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import yaml from 'yaml';
import { e2e } from '../../../e2e/support/environment';
import { CatalogPageResult } from '../frontend/measure';
import { options } from '../options';
import { perfDir } from './portal';
import { printTable, ratio } from './report';
import { median, summary } from './stats';

/** What a production PostgreSQL would differ in, as the bench's cluster has it. */
async function postgresSettings() {
  const client = new Client({ connectionString: e2e.postgres });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `select name, setting || coalesce(unit, '') as setting from pg_settings
       where name in ('server_version', 'autovacuum', 'fsync', 'synchronous_commit',
                      'shared_buffers', 'max_connections', 'work_mem')
       order by name`,
    );
    return Object.fromEntries(rows.map(r => [r.name, r.setting]));
  } finally {
    await client.end();
  }
}

/** The settings both catalogs ran with, and what the portal sets on top. */
export async function printSettings() {
  const shared = fs.readFileSync(
    path.join(perfDir, 'catalog-settings.yaml'),
    'utf8',
  );
  const production = yaml.parse(
    fs.readFileSync(
      path.join(e2e.repoRoot, 'app-config.production.yaml'),
      'utf8',
    ),
  );
  console.log('Settings on both (bench/perf/catalog-settings.yaml):');
  console.log(JSON.stringify(yaml.parse(shared)));
  console.log(
    "The portal's own production settings for the catalog (app-config.production.yaml):",
  );
  console.log(
    JSON.stringify({
      'backend.database.plugin.catalog':
        production.backend?.database?.plugin?.catalog ?? null,
      'catalog.readCache': production.catalog?.readCache ?? null,
    }),
  );
  console.log(
    `PostgreSQL, one cluster for both, made by bench/perf/postgres.sh: ${JSON.stringify(
      await postgresSettings(),
    )}`,
  );
  console.log(
    `Load: autocannon, closed loop, ${options.runs} runs of ${options.seconds} s per request and connection count, stock and portal in turn; median (min-max).`,
  );
}

export function printFrontend(results: CatalogPageResult[]) {
  const rows = [
    [
      'system',
      'load',
      'rows shown ms',
      'JS bytes',
      'all bytes',
      'JS portal/stock',
      'rows portal/stock',
    ],
  ];
  const stock = results.find(r => r.label === 'stock');
  for (const result of results) {
    for (const load of ['cold', 'warm'] as const) {
      const samples = result[load];
      const rowsMs = samples.map(x => x.rowsShownMs);
      const js = samples.map(x => x.jsBytes);
      rows.push([
        result.label,
        load,
        summary(rowsMs),
        summary(js),
        summary(samples.map(x => x.totalBytes)),
        result.label === 'portal' && stock
          ? ratio(median(js), median(stock[load].map(x => x.jsBytes)))
          : '',
        result.label === 'portal' && stock
          ? ratio(median(rowsMs), median(stock[load].map(x => x.rowsShownMs)))
          : '',
      ]);
    }
  }
  printTable(rows);
}
