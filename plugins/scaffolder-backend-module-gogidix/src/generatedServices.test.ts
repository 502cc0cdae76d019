import { mockCredentials } from '@backstage/backend-test-utils';
import { runCommand } from '@gogidix/infra-validation';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { baseAnswers, templateAnswers } from './__testUtils__/answers';
import {
  loadTemplate,
  startScaffolder,
  templateDirectoryContents,
} from './__testUtils__/templates';
import { tempDir } from './__testUtils__/context';

/**
 * The services the templates create are real: generated through the
 * scaffolder's dry run, written to disk, then built and tested with their
 * own tooling. The TypeScript service installs its dependencies from the
 * npm registry; the Java service needs Maven Central, which this machine
 * cannot reach, so it is built by its generated CI pipeline instead.
 */
describe('generated services build and pass their own tests', () => {
  jest.setTimeout(300_000);
  let server: Awaited<ReturnType<typeof startScaffolder>>['server'];

  beforeAll(async () => {
    ({ server } = await startScaffolder());
  });

  async function generate(template: string, name: string) {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: loadTemplate(template),
        values: {
          ...baseAnswers,
          ...templateAnswers[template],
          name,
          latencyThresholdMs: 250,
        },
        directoryContents: templateDirectoryContents(template),
      });
    expect(res.status).toBe(200);
    const dir = tempDir(`${name}-`);
    for (const file of res.body.directoryContents as Array<{
      path: string;
      base64Content: string;
    }>) {
      const target = path.join(dir, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, Buffer.from(file.base64Content, 'base64'));
    }
    return dir;
  }

  it('python-model-service: unittest', async () => {
    const dir = await generate('python-model-service', 'photo-scorer');
    const { stderr } = await runCommand(
      'python3',
      ['-m', 'unittest', 'discover', '-s', 'tests', '-v'],
      // As on a machine behind a proxy: the tests talk to their own server.
      { cwd: dir, env: { ...process.env, http_proxy: 'http://127.0.0.1:9' } },
    );
    expect(stderr).toMatch(/Ran 6 tests/);
    expect(stderr).toMatch(/\nOK\n?$/);
  });

  it('typescript-service: npm install, build and test', async () => {
    const dir = await generate('typescript-service', 'listing-photos');
    const npm = (...args: string[]) => runCommand('npm', args, { cwd: dir });
    await npm('install', '--no-audit', '--no-fund', '--loglevel=error');
    await npm('run', 'build');
    const { stdout } = await npm('test');
    expect(stdout).toMatch(/# pass 4/);
    expect(stdout).toMatch(/# fail 0/);
  });
});
