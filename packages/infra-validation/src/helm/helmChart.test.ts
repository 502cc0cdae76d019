import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  lintHelmChart,
  parseLintOutput,
  parseRenderedManifests,
  renderHelmChart,
} from './helmChart';

jest.setTimeout(120_000);

/** Writes a chart (file name → content) under a temporary folder. */
function writeChart(root: string, name: string, files: Record<string, string>) {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const configMapChart = {
  'Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n',
  'values.yaml': 'greeting: hello\n',
  'templates/configmap.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: {{ .Release.Name }}-config',
    '  namespace: {{ .Release.Namespace }}',
    'data:',
    '  greeting: {{ .Values.greeting | quote }}',
  ].join('\n'),
};

describe('helm charts', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'helm-chart-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('renders objects with their template and namespace', async () => {
    const chartDir = writeChart(root, 'demo', configMapChart);
    const manifests = await renderHelmChart({
      chartDir,
      releaseName: 'r1',
      namespace: 'portal',
    });
    expect(manifests).toEqual([
      {
        source: 'demo/templates/configmap.yaml',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'r1-config', namespace: 'portal' },
          data: { greeting: 'hello' },
        },
      },
    ]);
  });

  it.each<
    [
      string,
      { values?: Record<string, unknown>; valuesFiles?: string[] },
      string,
    ]
  >([
    ['inline values', { values: { greeting: 'inline' } }, 'inline'],
    ['a values file', { valuesFiles: ['prod.yaml'] }, 'from-file'],
    [
      'inline values over a values file',
      { valuesFiles: ['prod.yaml'], values: { greeting: 'inline' } },
      'inline',
    ],
  ])('applies %s', async (_, opts, expected) => {
    const chartDir = writeChart(root, 'demo', {
      ...configMapChart,
      'prod.yaml': 'greeting: from-file\n',
    });
    const [manifest] = await renderHelmChart({
      chartDir,
      releaseName: 'r1',
      ...opts,
      valuesFiles: opts.valuesFiles?.map(f => path.join(chartDir, f)),
    });
    expect(manifest.object.data).toEqual({ greeting: expected });
  });

  it('builds file:// dependencies before rendering', async () => {
    writeChart(root, 'library', {
      'Chart.yaml':
        'apiVersion: v2\nname: library\ntype: library\nversion: 1.0.0\n',
      'templates/_name.tpl':
        '{{- define "library.name" -}}lib-{{ .Release.Name }}{{- end -}}',
    });
    const chartDir = writeChart(root, 'app', {
      'Chart.yaml': [
        'apiVersion: v2',
        'name: app',
        'version: 0.1.0',
        'dependencies:',
        '  - name: library',
        '    version: 1.0.0',
        '    repository: file://../library',
      ].join('\n'),
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "library.name" . }}\n',
    });
    const [manifest] = await renderHelmChart({ chartDir, releaseName: 'r2' });
    expect(manifest.object.metadata).toEqual({ name: 'lib-r2' });
  });

  it('names the chart when helm fails', async () => {
    const chartDir = writeChart(root, 'broken', {
      ...configMapChart,
      'Chart.yaml': 'apiVersion: v2\nname: broken\nversion: 0.1.0\n',
      'templates/bad.yaml':
        '{{ required "image.tag is required" .Values.image }}',
    });
    await expect(
      renderHelmChart({ chartDir, releaseName: 'r3' }),
    ).rejects.toThrow(
      new RegExp(
        `helm template failed for ${chartDir}/Chart.yaml: .*image.tag is required`,
      ),
    );
  });

  describe('with a helm that is killed', () => {
    const saved = process.env.HELM_BINARY;
    beforeEach(() => {
      // As the kernel's OOM killer ends helm on a machine short of memory.
      process.env.HELM_BINARY = path.join(root, 'killed-helm');
      fs.writeFileSync(process.env.HELM_BINARY, '#!/bin/sh\nkill -KILL $$\n', {
        mode: 0o755,
      });
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.HELM_BINARY;
      else process.env.HELM_BINARY = saved;
    });

    it('says how helm ended when it renders', async () => {
      const chartDir = writeChart(root, 'demo', configMapChart);
      await expect(
        renderHelmChart({ chartDir, releaseName: 'r4' }),
      ).rejects.toThrow(
        `helm template failed for ${chartDir}/Chart.yaml: (was killed by SIGKILL)`,
      );
    });

    it('does not take a lint that never finished for a clean one', async () => {
      const chartDir = writeChart(root, 'demo', configMapChart);
      await expect(lintHelmChart({ chartDir })).rejects.toThrow(
        /helm lint failed for .*was killed by SIGKILL/,
      );
    });
  });

  it('lints a good chart clean', async () => {
    const chartDir = writeChart(root, 'demo', configMapChart);
    expect(await lintHelmChart({ chartDir })).toEqual([]);
  });

  it('reports a template that fails lint, by template', async () => {
    const chartDir = writeChart(root, 'demo', {
      ...configMapChart,
      'templates/bad.yaml':
        'kind: ConfigMap\nmetadata:\n  name: {{ .Values.missing.deeper }}\n',
    });
    const problems = await lintHelmChart({ chartDir });
    expect(problems).toContainEqual({
      file: path.join(chartDir, 'templates/bad.yaml'),
      rule: 'helm-lint-error',
      message: expect.stringMatching(/nil pointer evaluating/),
    });
  });

  it('lints with the values it is given, against the values schema', async () => {
    const chartDir = writeChart(root, 'demo', {
      ...configMapChart,
      'values.schema.json': JSON.stringify({
        type: 'object',
        properties: { greeting: { type: 'string', minLength: 1 } },
      }),
    });
    expect(await lintHelmChart({ chartDir })).toEqual([]);
    expect(
      await lintHelmChart({ chartDir, values: { greeting: 5 } }),
    ).toContainEqual({
      file: path.join(chartDir, 'values.yaml'),
      rule: 'helm-lint-error',
      message: "helm lint error: - at '/greeting': got number, want string",
    });
  });
});

describe('parseRenderedManifests', () => {
  it.each([
    ['no output', '', []],
    [
      'two objects from one template',
      '---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/a.yaml\nkind: B\n',
      [
        { source: 'c/templates/a.yaml', object: { kind: 'A' } },
        { source: 'c/templates/a.yaml', object: { kind: 'B' } },
      ],
    ],
    [
      'an empty document',
      '---\n# Source: c/templates/empty.yaml\n---\n# Source: c/templates/b.yaml\nkind: B\n',
      [{ source: 'c/templates/b.yaml', object: { kind: 'B' } }],
    ],
  ])('reads %s', (_, output, expected) => {
    expect(parseRenderedManifests(output)).toEqual(expected);
  });
});

describe('parseLintOutput', () => {
  it.each([
    ['an info line', '[INFO] Chart.yaml: icon is recommended', []],
    [
      'a helm 4 error over several lines',
      '[ERROR] templates/: demo/templates/bad.yaml:3:18\n  executing "demo/templates/bad.yaml" at <.Values.a.b>:\n    nil pointer evaluating interface {}.b\n\nError: 1 chart(s) linted',
      [
        {
          file: '/c/templates/bad.yaml',
          rule: 'helm-lint-error',
          message:
            'helm lint error: demo/templates/bad.yaml:3:18 executing "demo/templates/bad.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b',
        },
      ],
    ],
    [
      'an error in a template',
      '[ERROR] templates/: template: demo/templates/x.yaml:3:5: executing "demo/templates/x.yaml" at <.Values.a.b>: nil pointer',
      [
        {
          file: '/c/templates/x.yaml',
          rule: 'helm-lint-error',
          message: expect.stringMatching(/^helm lint error: template: demo/),
        },
      ],
    ],
    [
      'a warning on the chart',
      '[WARNING] Chart.yaml: version should be semver',
      [
        {
          file: '/c/Chart.yaml',
          rule: 'helm-lint-warning',
          message: 'helm lint warning: version should be semver',
        },
      ],
    ],
  ])('reads %s', (_, output, expected) => {
    expect(parseLintOutput('/c', output)).toEqual(expected);
  });
});
