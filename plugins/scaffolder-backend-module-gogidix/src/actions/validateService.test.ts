import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../__testUtils__/context';
import { repoRoot } from '../__testUtils__/templates';
import { checkDockerfile, parseDockerfile } from './dockerfile';
import { validateService } from './validateService';

describe('checkDockerfile', () => {
  // Written from the Dockerfile reference: stages, continuation lines,
  // comments, parser directives, here-documents and variable expansion.
  it.each([
    ['one stage, non-root', 'FROM node:22\nUSER 10001\n', []],
    [
      'one stage, root last',
      'FROM node:22\nUSER node\nRUN x\nUSER root\n',
      [/last USER is root \(line 4\)/],
    ],
    ['no USER', 'FROM node:22\nCMD ["node"]\n', [/runs as root.*line 1/]],
    ['no Dockerfile', undefined, [/no Dockerfile/]],
    ['no FROM', 'USER 10001\n', [/no FROM instruction/]],
    [
      'a build stage USER does not reach the final stage',
      'FROM golang:1.22 AS build\nUSER 10001\nRUN go build\nFROM debian:12\nCOPY --from=build /app /app\n',
      [/final stage \(FROM debian:12, line 4\) has no USER/],
    ],
    [
      'the final stage inherits USER from the stage it is built on',
      'FROM debian:12 AS Base\nUSER 10001\nFROM base\nCMD ["/app"]\n',
      [],
    ],
    [
      'root in the final stage after a non-root build stage',
      'FROM --platform=$BUILDPLATFORM golang AS build\nUSER 10001\nFROM build\nUSER 0:0\n',
      [/last USER is 0:0/],
    ],
    [
      'root by uid with a group',
      'FROM x\nUSER 0:staff\n',
      [/last USER is 0:staff/],
    ],
    [
      'root by name with a group',
      'FROM x\nuser Root:root\n',
      [/last USER is Root:root/],
    ],
    ['uid 0 written 000', 'FROM x\nUSER 000\n', [/last USER is 000/]],
    [
      'a continued USER line',
      'FROM x\nUSER \\\n  root\n',
      [/last USER is root/],
    ],
    [
      'a comment between continuation lines is dropped',
      'FROM x\nRUN true \\\n# USER root\n  && true\nUSER 10001\n',
      [],
    ],
    [
      'a here-document line is not an instruction',
      'FROM x\nUSER 10001\nRUN <<EOF\nUSER root\nEOF\nCMD ["/app"]\n',
      [],
    ],
    [
      'a here-document with <<- and a quoted delimiter',
      'FROM x\nUSER 10001\nCOPY <<-"END" /etc/motd\n\tUSER root\n\tEND\n',
      [],
    ],
    [
      'the escape directive changes the continuation character',
      '# escape=`\nFROM x\nUSER `\n  root\n',
      [/last USER is root/],
    ],
    [
      'with a backtick escape a backslash does not continue a line',
      '# escape=`\nFROM x\nRUN dir c:\\\nUSER 10001\n',
      [],
    ],
    ['CRLF line endings', 'FROM x\r\nUSER root\r\n', [/last USER is root/]],
    ['an ARG default', 'FROM x\nARG UID=10001\nUSER ${UID}\n', []],
    [
      'an ARG default of root',
      'FROM x\nARG UID=0\nUSER $UID\n',
      [/last USER is 0/],
    ],
    [
      'a global ARG redeclared in the stage',
      'ARG UID=10001\nFROM x\nARG UID\nUSER ${UID}:${UID}\n',
      [],
    ],
    [
      'a global ARG not redeclared is not in scope',
      'ARG UID=10001\nFROM x\nUSER ${UID}\n',
      [/USER \$\{UID\} \(line 3\) names a build argument with no default/],
    ],
    ['an ARG with no default', 'FROM x\nARG UID\nUSER $UID\n', [/no default/]],
    ['a ${VAR:-word} default', 'FROM x\nUSER ${UID:-10001}\n', []],
    [
      'an ENV value',
      'FROM x\nENV APP_USER=app HOME=/app\nUSER $APP_USER\n',
      [],
    ],
    [
      'an ENV value in the old form',
      'FROM x\nENV APP_USER root\nUSER $APP_USER\n',
      [/last USER is root/],
    ],
  ])('%s', (_name, content, expected) => {
    const problems = checkDockerfile(content).map(p => p.message);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(problems[i]).toMatch(re));
  });

  it('lists instructions with their first line', () => {
    expect(
      parseDockerfile(
        '# syntax=docker/dockerfile:1\n\nFROM x AS a\nRUN a \\\n  b\n# note\nuser 1\n',
      ),
    ).toEqual([
      { keyword: 'FROM', args: 'x AS a', line: 3 },
      { keyword: 'RUN', args: 'a   b', line: 4 },
      { keyword: 'USER', args: '1', line: 7 },
    ]);
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
