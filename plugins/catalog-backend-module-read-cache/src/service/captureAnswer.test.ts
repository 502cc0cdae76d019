import compression from 'compression';
import express from 'express';
import request from 'supertest';
import { CatalogAnswer } from './CatalogReadCache';
import { captureAnswer } from './captureAnswer';

/**
 * The catalog's answer as it leaves the portal: compression sits outside
 * the catalog's router and encodes streamed lists whatever their size.
 */
function catalogBehindCompression(onEnd: (a?: CatalogAnswer) => void) {
  const app = express();
  // @types/compression is typed against another copy of express's types.
  app.use(compression() as unknown as express.RequestHandler);
  app.use((_req, res, next) => {
    captureAnswer(res, { maxBytes: 1_000_000, onEnd });
    next();
  });
  app.get('/streamed', (_req, res) => {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.write('{"items":[],');
    res.end('"totalItems":25,"pageInfo":{}}');
  });
  app.get('/json', (_req, res) => {
    res.json({ items: [], totalItems: 25, pageInfo: {} });
  });
  app.get('/missing', (_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  return app;
}

describe('captureAnswer', () => {
  it.each(['/streamed', '/json'])(
    'keeps the body of %s as the catalog wrote it and only the headers that describe it',
    async path => {
      let answer: CatalogAnswer | undefined;
      const app = catalogBehindCompression(a => {
        answer = a;
      });
      const res = await request(app).get(path).set('accept-encoding', 'br');
      expect(res.status).toBe(200);
      expect(JSON.parse(answer!.body.toString('utf8'))).toEqual({
        items: [],
        totalItems: 25,
        pageInfo: {},
      });
      const names = answer!.headers.map(([name]) => name);
      expect(names).toContain('content-type');
      // What compression and the connection added must not be replayed on
      // a hit: a plain body labelled brotli fails to decode in the browser.
      for (const name of [
        'content-encoding',
        'vary',
        'content-length',
        'transfer-encoding',
      ]) {
        expect(names).not.toContain(name);
      }
    },
  );

  it('keeps nothing of an error', async () => {
    const answers: Array<CatalogAnswer | undefined> = [];
    const app = catalogBehindCompression(a => answers.push(a));
    await request(app).get('/missing');
    expect(answers).toEqual([undefined]);
  });
});
