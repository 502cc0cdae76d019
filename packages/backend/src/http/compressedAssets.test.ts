import { mockServices } from '@backstage/backend-test-utils';
import compression from 'compression';
import express, { Request } from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { compressedAssets, preferredEncoding } from './compressedAssets';

const VENDOR = 'vendor.d1e06287b7db.js';
/** Repetitive, like minified JS, so that every level compresses it well. */
const SOURCE = Buffer.from(
  Array.from(
    { length: 4000 },
    (_, i) => `function f${i}(a){return a+${i % 17}}`,
  ).join(';'),
);

describe('compressedAssets', () => {
  let staticDir: string;

  beforeEach(() => {
    staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compressed-assets-'));
    fs.writeFileSync(path.join(staticDir, VENDOR), SOURCE);
    fs.writeFileSync(path.join(staticDir, 'unhashed.js'), SOURCE);
  });
  afterEach(() => fs.rmSync(staticDir, { recursive: true, force: true }));

  /** The portal's order: kept files first, then compression and app-backend's static files. */
  function portal() {
    const assets = compressedAssets({
      staticDir,
      logger: mockServices.logger.mock(),
      before: [
        (_req, res, next) => {
          res.setHeader('x-content-type-options', 'nosniff');
          next();
        },
      ],
    });
    const app = express();
    app.use(assets);
    // @types/compression is typed against another copy of express's types.
    app.use(compression() as unknown as express.RequestHandler);
    app.use('/static', express.static(staticDir));
    return { app, assets };
  }

  /** What the compression middleware sends for SOURCE: brotli at quality 4. */
  const onTheFly = zlib.brotliCompressSync(SOURCE, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 },
  });

  it('answers the first request as before and later ones from memory, smaller', async () => {
    const { app, assets } = portal();
    const first = await request(app)
      .get(`/static/${VENDOR}`)
      .set('accept-encoding', 'gzip, deflate, br')
      .responseType('blob');
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.headers['x-content-type-options']).toBeUndefined();
    await assets.idle();

    const kept = await request(app)
      .get(`/static/${VENDOR}`)
      .set('accept-encoding', 'gzip, deflate, br')
      .responseType('blob');
    expect(kept.status).toBe(200);
    expect(kept.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'application/javascript; charset=UTF-8',
      'cache-control': 'public, max-age=1209600',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
    });
    // supertest decodes the body; the wire size is the Content-Length.
    expect((first.body as Buffer).equals(SOURCE)).toBe(true);
    expect((kept.body as Buffer).equals(SOURCE)).toBe(true);
    expect(Number(kept.headers['content-length'])).toBeLessThan(
      onTheFly.length,
    );
  });

  it('keeps gzip for clients without brotli, and sends plain bytes to clients with neither', async () => {
    const { app, assets } = portal();
    await request(app).get(`/static/${VENDOR}`).set('accept-encoding', 'gzip');
    await assets.idle();
    const gz = await request(app)
      .get(`/static/${VENDOR}`)
      .set('accept-encoding', 'gzip')
      .responseType('blob');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['x-content-type-options']).toBe('nosniff');
    expect((gz.body as Buffer).equals(SOURCE)).toBe(true);

    const plain = await request(app)
      .get(`/static/${VENDOR}`)
      .set('accept-encoding', 'identity')
      .responseType('blob');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as Buffer).equals(SOURCE)).toBe(true);
  });

  it('answers a conditional request for a kept file with 304', async () => {
    const { app, assets } = portal();
    await request(app).get(`/static/${VENDOR}`).set('accept-encoding', 'br');
    await assets.idle();
    const kept = await request(app)
      .get(`/static/${VENDOR}`)
      .set('accept-encoding', 'br');
    const again = await request(app)
      .get(`/static/${VENDOR}`)
      .set('accept-encoding', 'br')
      .set('if-none-match', kept.headers.etag);
    expect(again.status).toBe(304);
  });

  it('leaves unhashed names, missing files and other methods to app-backend', async () => {
    const { app, assets } = portal();
    for (const name of ['unhashed.js', 'gone.0123456789ab.js']) {
      await request(app).get(`/static/${name}`).set('accept-encoding', 'br');
    }
    await assets.idle();
    const unhashed = await request(app)
      .get('/static/unhashed.js')
      .set('accept-encoding', 'br');
    expect(unhashed.status).toBe(200);
    expect(unhashed.headers['x-content-type-options']).toBeUndefined();
    const gone = await request(app)
      .get('/static/gone.0123456789ab.js')
      .set('accept-encoding', 'br');
    expect(gone.status).toBe(404);
    const post = await request(app)
      .post(`/static/${VENDOR}`)
      .set('accept-encoding', 'br');
    expect(post.status).toBe(404);
  });
});

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['', undefined],
  ])('%j -> %s', (header, expected) => {
    const req = { headers: { 'accept-encoding': header } } as Request;
    expect(preferredEncoding(req)).toBe(expected);
  });
});
