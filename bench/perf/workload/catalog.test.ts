import http from 'node:http';
import { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { prepareCatalog, registerCatalog, waitUntilIngested } from './catalog';

/**
 * A stand-in for the catalog's read API (entity-facets and by-refs, in the
 * catalog's wire format) that ingests one step per poll: first too few
 * entities, then all of them without the inverse relation, then stitched.
 */
function catalogStandIn() {
  let polls = 0;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization}`);
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/api/catalog/entity-facets')) {
      polls++;
      const count = polls === 1 ? 3 : 10;
      res.end(
        JSON.stringify({
          facets: {
            kind: [
              { value: 'Component', count },
              { value: 'Group', count: 1 },
            ],
          },
        }),
      );
      return;
    }
    const stitched = polls >= 3;
    res.end(
      JSON.stringify({
        items: [
          {
            relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
          },
          {
            relations: stitched
              ? [{ type: 'ownerOf', targetRef: 'component:default/cart' }]
              : [],
          },
        ],
      }),
    );
  });
  return { server, requests, polls: () => polls };
}

const workload = {
  catalog: {
    root: 'catalog/all.yaml',
    files: 1,
    counts: { Component: 10, Group: 1 },
    total: 11,
  },
  stitchedSample: [
    {
      entityRef: 'component:default/cart',
      relations: ['ownedBy group:default/team-a'],
    },
    {
      entityRef: 'group:default/team-a',
      relations: ['ownerOf component:default/cart'],
    },
  ],
};

describe('waitUntilIngested', () => {
  it('waits for the counts and then for the inverse relations', async () => {
    const standIn = catalogStandIn();
    await new Promise<void>(r => standIn.server.listen(0, '127.0.0.1', r));
    const { port } = standIn.server.address() as AddressInfo;
    try {
      const result = await waitUntilIngested(
        `http://127.0.0.1:${port}`,
        'token',
        workload,
        10_000,
        10,
      );
      expect(result.polls).toBe(3);
      expect(result.counts).toEqual({ Component: 10, Group: 1 });
      expect(standIn.requests.every(r => r.endsWith('Bearer token'))).toBe(
        true,
      );
    } finally {
      standIn.server.close();
    }
  });

  it('gives up at the timeout, saying what it waited for', async () => {
    const standIn = catalogStandIn();
    await new Promise<void>(r => standIn.server.listen(0, '127.0.0.1', r));
    const { port } = standIn.server.address() as AddressInfo;
    try {
      await expect(
        waitUntilIngested(
          `http://127.0.0.1:${port}`,
          'token',
          {
            ...workload,
            catalog: { ...workload.catalog, counts: { Component: 11 } },
          },
          200,
          10,
        ),
      ).rejects.toThrow(
        'The workload being processed and stitched did not happen within 0.2 s',
      );
    } finally {
      standIn.server.close();
    }
  });
});

describe('prepareCatalog and registerCatalog', () => {
  it('starts the location empty, then points it at the workload and refreshes it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-registration-'));
    fs.mkdirSync(path.join(dir, 'catalog'));
    fs.writeFileSync(path.join(dir, 'workload.json'), JSON.stringify(workload));
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => (body += chunk));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url} ${body}`);
        // The registration location is missing at first, then found.
        const found = req.method === 'POST' || requests.length > 1;
        res.statusCode = found ? 200 : 404;
        res.end('{}');
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const location = prepareCatalog(dir, 'stock');
      expect(location).toEqual({
        type: 'file',
        target: path.join(dir, 'catalog/registration-stock.yaml'),
      });
      expect(
        parse(fs.readFileSync(location.target, 'utf8')).spec.targets,
      ).toEqual([]);

      await registerCatalog(
        `http://127.0.0.1:${port}`,
        'token',
        dir,
        'stock',
        5_000,
      );
      expect(
        parse(fs.readFileSync(location.target, 'utf8')).spec.targets,
      ).toEqual(['./all.yaml']);
      expect(requests).toEqual([
        'GET /api/catalog/entities/by-name/location/default/perf-workload-stock ',
        'GET /api/catalog/entities/by-name/location/default/perf-workload-stock ',
        'POST /api/catalog/refresh {"entityRef":"location:default/perf-workload-stock"}',
      ]);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
