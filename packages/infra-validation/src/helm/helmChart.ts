import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import {
  CommandFailedError,
  describeEnding,
  outputTail,
  runCommand,
} from '../command/runCommand';
import { RenderedManifest, ValidationProblem } from '../types';
import { locateHelm } from './locateHelm';

/** Values for a helm run: files first, then inline values, which win. */
export interface HelmValuesOptions {
  chartDir: string;
  values?: Record<string, unknown>;
  valuesFiles?: string[];
}

/**
 * `helm lint` on a chart, with each `[ERROR]` and `[WARNING]` line as a
 * problem. Informational lines (a missing icon) are not problems.
 */
export async function lintHelmChart(
  opts: HelmValuesOptions,
): Promise<ValidationProblem[]> {
  const helm = await locateHelm();
  await buildLocalDependencies(helm, opts.chartDir);
  const { stdout, stderr } = await withValues(opts, args =>
    runHelm(helm, opts.chartDir, ['lint', opts.chartDir, ...args], {
      allowFailure: true,
    }),
  );
  return parseLintOutput(opts.chartDir, `${stdout}\n${stderr}`);
}

/**
 * `helm template` on a chart: every object it renders, with the template it
 * came from. Throws an error naming the chart on any helm failure, since a
 * chart that does not render has nothing to validate.
 */
export async function renderHelmChart(
  opts: HelmValuesOptions & { releaseName: string; namespace?: string },
): Promise<RenderedManifest[]> {
  const helm = await locateHelm();
  await buildLocalDependencies(helm, opts.chartDir);
  const namespace = opts.namespace ? ['--namespace', opts.namespace] : [];
  const { stdout } = await withValues(opts, args =>
    runHelm(helm, opts.chartDir, [
      'template',
      opts.releaseName,
      opts.chartDir,
      ...namespace,
      ...args,
    ]),
  );
  return parseRenderedManifests(stdout);
}

/** Splits `helm template` output into objects, keeping each `# Source:`. */
export function parseRenderedManifests(output: string): RenderedManifest[] {
  const manifests: RenderedManifest[] = [];
  for (const chunk of output.split(/^---\s*$/m)) {
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1]?.trim();
    const object = yaml.parse(chunk);
    if (object && typeof object === 'object' && !Array.isArray(object)) {
      manifests.push({
        source: source ?? 'unknown',
        object: object as Record<string, unknown>,
      });
    }
  }
  return manifests;
}

/**
 * Turns `helm lint` output into problems. An entry starts with
 * `[ERROR] templates/: demo/templates/x.yaml:3:18`; the file is the template named in it when there is one.
 */
export function parseLintOutput(
  chartDir: string,
  output: string,
): ValidationProblem[] {
  const entries: Array<{ level: string; where: string; text: string[] }> = [];
  // An entry runs until a blank line: helm 4 continues messages on further
  // lines (indented or not).
  let open = false;
  for (const line of output.split('\n')) {
    const start = /^\[(ERROR|WARNING|INFO)\]\s+([^:]*):\s*(.*)$/.exec(line);
    if (start) {
      entries.push({ level: start[1], where: start[2], text: [start[3]] });
      open = true;
    } else if (!line.trim() || /^(==>|Error: )/.test(line)) {
      open = false;
    } else if (open) {
      entries[entries.length - 1].text.push(line.trim());
    }
  }
  return entries
    .filter(entry => entry.level !== 'INFO')
    .map(({ level, where, text }) => {
      const message = text.join(' ');
      const template = /[\w.-]+\/((?:templates|charts)\/[^\s:"]+):\d+/.exec(
        message,
      )?.[1];
      return {
        file: path.join(chartDir, template ?? where),
        rule: `helm-lint-${level.toLowerCase()}`,
        message: `helm lint ${level.toLowerCase()}: ${message}`,
      };
    });
}

/**
 * Charts that use a sibling chart through `file://` (as service charts use
 * the gogidix-service library chart) need it packaged into `charts/` first.
 */
async function buildLocalDependencies(helm: string, chartDir: string) {
  const chartFile = path.join(chartDir, 'Chart.yaml');
  let chart: { dependencies?: Array<{ repository?: string }> };
  try {
    chart = yaml.parse(await fs.promises.readFile(chartFile, 'utf8')) ?? {};
  } catch (error) {
    throw new Error(
      `Cannot read the chart ${chartFile}: ${(error as Error).message}`,
    );
  }
  const local = (chart.dependencies ?? []).some(d =>
    d.repository?.startsWith('file://'),
  );
  if (local) {
    await runHelm(helm, chartDir, [
      'dependency',
      'build',
      chartDir,
      '--skip-refresh',
    ]);
  }
}

async function withValues<T>(
  opts: HelmValuesOptions,
  run: (args: string[]) => Promise<T>,
): Promise<T> {
  const args = (opts.valuesFiles ?? []).flatMap(f => ['--values', f]);
  if (!opts.values) {
    return run(args);
  }
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'helm-values-'));
  try {
    const file = path.join(dir, 'values.yaml');
    await fs.promises.writeFile(file, yaml.stringify(opts.values));
    return await run([...args, '--values', file]);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

async function runHelm(
  helm: string,
  chartDir: string,
  args: string[],
  options: { allowFailure?: boolean } = {},
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await runCommand(helm, args);
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error;
    // lint reports problems through its exit code; a signal or a helm that
    // did not run is a failure whatever the caller allows.
    if (options.allowFailure && error.exitCode !== null) {
      return { stdout: error.stdout, stderr: error.stderr };
    }
    const said = outputTail(error.stderr) ?? outputTail(error.stdout);
    throw new Error(
      `helm ${args[0]} failed for ${path.join(chartDir, 'Chart.yaml')}: ${
        said ? `${said} ` : ''
      }(${describeEnding(error)})`,
      { cause: error },
    );
  }
}
