import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  serveLocationFiles,
  stockCatalogPath,
  stockPermissionSetup,
} from './stock';

/** A generated app as build.sh leaves it, reduced to the files read here. */
function fakeStock(appConfig: string, backendIndex = '') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stock-'));
  const app = path.join(dir, 'app');
  fs.mkdirSync(path.join(app, 'packages/backend/src'), { recursive: true });
  fs.writeFileSync(path.join(app, 'app-config.yaml'), appConfig);
  fs.writeFileSync(
    path.join(app, 'packages/backend/src/index.ts'),
    backendIndex,
  );
  process.env.PERF_STOCK_DIR = dir;
  return dir;
}

afterEach(() => {
  delete process.env.PERF_STOCK_DIR;
});

describe('stockPermissionSetup', () => {
  it('reports what create-app ships: permissions on, the allow-all policy', () => {
    fakeStock(
      'permission:\n  enabled: true\n',
      [
        "backend.add(import('@backstage/plugin-permission-backend'));",
        'backend.add(',
        "  import('@backstage/plugin-permission-backend-module-allow-all-policy'),",
        ');',
      ].join('\n'),
    );
    expect(stockPermissionSetup()).toEqual({
      enabled: true,
      policyModules: [
        '@backstage/plugin-permission-backend-module-allow-all-policy',
      ],
    });
  });

  it('reports permissions off and no policy when the app has neither', () => {
    fakeStock('permission:\n  enabled: false\n');
    expect(stockPermissionSetup()).toEqual({
      enabled: false,
      policyModules: [],
    });
  });
});

describe('stockCatalogPath', () => {
  it("follows create-app's override of the catalog page's path", () => {
    fakeStock(
      'app:\n  extensions:\n    - page:catalog:\n        config:\n          path: /\n    - page:home: true\n',
    );
    expect(stockCatalogPath()).toBe('/');
  });

  it("is the catalog plugin's own path without an override", () => {
    fakeStock('app:\n  title: Stock\n');
    expect(stockCatalogPath()).toBe('/catalog');
  });
});

describe('serveLocationFiles', () => {
  it('serves the YAML files in its folder and nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locations-'));
    fs.mkdirSync(path.join(dir, 'served'));
    fs.writeFileSync(path.join(dir, 'served/all.yaml'), 'kind: Group\n');
    fs.writeFileSync(path.join(dir, 'served/notes.txt'), 'private');
    fs.writeFileSync(path.join(dir, 'outside.yaml'), 'kind: User\n');
    const server = await serveLocationFiles(path.join(dir, 'served'), 0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const served = await fetch(`${base}/all.yaml`);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('kind: Group\n');
      expect((await fetch(`${base}/notes.txt`)).status).toBe(404);
      expect((await fetch(`${base}/missing.yaml`)).status).toBe(404);
      expect((await fetch(`${base}/..%2Foutside.yaml`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
