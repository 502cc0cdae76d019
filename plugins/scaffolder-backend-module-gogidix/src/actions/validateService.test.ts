import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../__testUtils__/context';
import { repoRoot } from '../__testUtils__/templates';
import { checkDockerfile } from './dockerfile';
import { validateService } from './validateService';

describe('checkDockerfile', () => {
  it.each([
    ['FROM node:22\nUSER 10001\n', []],
    ['FROM node:22\nUSER node\nRUN x\nUSER root\n', [/last USER is root/]],
    ['FROM node:22\nCMD ["node"]\n', [/runs as root/]],
    [undefined, [/no Dockerfile/]],
  ])('%j', (content, expected) => {
    const problems = checkDockerfile(content).map(p => p.message);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(problems[i]).toMatch(re));
  });
});

describe('validateService', () => {
  const libraryChartDir = path.join(repoRoot, 'infra/helm/gogidix-service');

  function workspaceWith(values: string) {
    const ws = tempDir('validate-');
    const chart = path.join(ws, 'deploy/helm/photos');
    fs.mkdirSync(path.join(chart, 'templates'), { recursive: true });
    fs.writeFileSync(
      path.join(chart, 'Chart.yaml'),
      'apiVersion: v2\nname: photos\nversion: 0.1.0\ndependencies:\n  - name: gogidix-service\n    version: 1.0.0\n    repository: oci://harbor.test/charts\n',
    );
    fs.writeFileSync(
      path.join(chart, 'templates/service.yaml'),
      '{{ include "gogidix-service.all" . }}\n',
    );
    fs.writeFileSync(
      path.join(chart, 'values.yaml'),
      fs.readFileSync(path.join(libraryChartDir, 'values.yaml'), 'utf8') +
        values,
    );
    fs.writeFileSync(path.join(chart, 'values-dev.yaml'), '{}\n');
    fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM scratch\nUSER 10001\n');
    return ws;
  }

  const run = (ws: string) =>
    validateService({
      workspace: ws,
      chartPath: 'deploy/helm/photos',
      environments: ['dev'],
      libraryChartDir,
      scratchDir: tempDir('validate-scratch-'),
    });

  const service =
    'service: {name: photos, team: listings, tier: tier-1}\nimage: {repository: harbor.test/photos, tag: "1"}\n';

  it('passes a chart whose objects are all valid', async () => {
    const result = await run(workspaceWith(service));
    expect(result.problems).toEqual([]);
    expect(result.objectCount).toBeGreaterThanOrEqual(9);
  });

  it('names the file, the object and the field of a schema problem', async () => {
    const result = await run(
      workspaceWith(`${service}podDisruptionBudget: {minAvailable: [1]}\n`),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringContaining('deploy/helm/photos'),
        object: 'PodDisruptionBudget/photos',
        field: expect.stringContaining('spec.minAvailable'),
      }),
    );
  });

  it('reports a chart that does not render, with the reason', async () => {
    const result = await run(
      workspaceWith(`${service}gpu: {profile: tpu-v5}\n`),
    );
    expect(result.problems.map(p => p.message).join('\n')).toMatch(
      /gpu.profile "tpu-v5" is not one of/,
    );
  });

  it('checks the Terraform against our policies', async () => {
    const ws = workspaceWith(service);
    fs.mkdirSync(path.join(ws, 'terraform/db'), { recursive: true });
    fs.writeFileSync(
      path.join(ws, 'terraform/db/main.tf'),
      'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n  publicly_accessible = true\n  password = "hunter2"\n}\n',
    );
    const files = (await run(ws)).problems.filter(p =>
      p.file.startsWith('terraform/'),
    );
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
});
