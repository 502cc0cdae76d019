import { FactValue } from '@gogidix/plugin-compliance-common';
import { parse } from 'yaml';

/** A repository's files that the facts read, by path from its root. */
export type RepositoryFiles = ReadonlyMap<string, string>;

/** The files worth reading: CI definitions, Dockerfiles, Helm values, runbooks. */
export function isRepositoryFileOfInterest(path: string): boolean {
  return (
    /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ||
    path === '.gitlab-ci.yml' ||
    path === 'Dockerfile' ||
    /(^|\/)(values\.yaml|Chart\.yaml)$/.test(path) ||
    /\.md$/i.test(path)
  );
}

export interface RepositoryFactValue {
  value: FactValue;
  /** The file the value was read from, or why none was. */
  file: string;
}

type Values = Record<string, unknown>;
const record = (value: unknown): Values =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Values)
    : {};
const filled = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && value !== false;

/**
 * The user the final stage of a Dockerfile runs as is not root when its
 * last USER instruction names a user other than root / uid 0.
 */
export function dockerfileRunsAsNonRoot(dockerfile: string): boolean {
  const lines = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
  let user: string | undefined;
  for (const line of lines) {
    const [instruction, ...rest] = line.split(/\s+/);
    if (/^FROM$/i.test(instruction)) user = undefined;
    if (/^USER$/i.test(instruction)) user = rest.join(' ');
  }
  if (!user) return false;
  const name = user.split(':')[0];
  return name !== 'root' && name !== '0';
}

/** The chart's values.yaml: beside a Chart.yaml, the shallowest first. */
function helmValuesPath(files: RepositoryFiles): string | undefined {
  return [...files.keys()]
    .filter(p => /(^|\/)values\.yaml$/.test(p))
    .filter(p => files.has(p.replace(/values\.yaml$/, 'Chart.yaml')))
    .sort(
      (a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1),
    )[0];
}

/** How many Markdown files sit in the runbook folder (relative to the root). */
function runbookCount(files: RepositoryFiles, folder: string): number {
  const prefix = `${folder.replace(/^\.\//, '').replace(/\/$/, '')}/`;
  return [...files.keys()].filter(p => p.startsWith(prefix) && /\.md$/i.test(p))
    .length;
}

/**
 * The repository facts, read from the files the golden-path templates
 * generate (.github/workflows/ci.yaml or .gitlab-ci.yml, Dockerfile,
 * deploy/helm/<name>/values.yaml, docs/runbooks/*.md). A file that is
 * missing makes its facts false; a file that does not parse throws, so the
 * caller records the facts in an error state with the reason.
 */
export function repositoryFacts(
  files: RepositoryFiles,
  runbookFolder = 'docs/runbooks',
): Record<string, RepositoryFactValue> {
  const ciFiles = [...files.keys()]
    .filter(p => p === '.gitlab-ci.yml' || p.startsWith('.github/workflows/'))
    .sort();
  const ciFile =
    ciFiles.join(', ') || 'no .github/workflows/*.yaml or .gitlab-ci.yml';
  const trivyFile = ciFiles.find(p => /\btrivy\b/i.test(files.get(p) ?? ''));

  const dockerfile = files.get('Dockerfile');

  const valuesPath = helmValuesPath(files);
  let values: Values = {};
  if (valuesPath) {
    try {
      values = record(parse(files.get(valuesPath) ?? ''));
    } catch (error) {
      throw new Error(
        `${valuesPath} is not valid YAML: ${(error as Error).message}`,
      );
    }
  }
  const helmFile =
    valuesPath ?? 'no Helm chart (values.yaml beside Chart.yaml)';
  const mesh = record(values.mesh);
  const networkPolicy = record(values.networkPolicy);
  const limits = record(record(values.resources).limits);
  const probes = record(values.probes);
  const vault = record(values.vault);
  const allowedCallers = networkPolicy.allowedCallers;

  const folder = runbookFolder.replace(/^\.\//, '').replace(/\/$/, '');
  return {
    'repo.ciPipeline': { value: ciFiles.length > 0, file: ciFile },
    'repo.ciRunsTrivy': {
      value: Boolean(trivyFile),
      file: trivyFile ?? ciFile,
    },
    'repo.dockerfileNonRoot': {
      value: dockerfile ? dockerfileRunsAsNonRoot(dockerfile) : false,
      file: dockerfile ? 'Dockerfile' : 'no Dockerfile',
    },
    'repo.helmMtlsStrict': {
      value: mesh.enabled === true && mesh.mtls === 'STRICT',
      file: helmFile,
    },
    'repo.helmNetworkPolicy': {
      value:
        networkPolicy.enabled === true ||
        (Array.isArray(allowedCallers) && allowedCallers.length > 0),
      file: helmFile,
    },
    'repo.helmResourceLimits': {
      value: filled(limits.memory) && filled(limits.cpu),
      file: helmFile,
    },
    'repo.helmProbes': {
      value: filled(probes.liveness) && filled(probes.readiness),
      file: helmFile,
    },
    'repo.helmVault': {
      value: vault.enabled === true && filled(vault.path),
      file: helmFile,
    },
    'repo.runbookFiles': {
      value: runbookCount(files, folder),
      file: `${folder}/*.md`,
    },
  };
}
