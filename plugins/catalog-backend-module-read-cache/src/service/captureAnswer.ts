import { Response } from 'express';
import { CatalogAnswer } from './CatalogReadCache';

/**
 * The headers that describe the answer itself, the only ones kept. Everything
 * else belongs to this response on its way out: outer middleware sets
 * `content-encoding` and `vary` (compression), `content-length` or
 * `transfer-encoding` describe these bytes on this connection, and cookies
 * and dates belong to the caller. Replaying them on a hit would, for one,
 * label a plain body as brotli.
 */
const CAPTURED = new Set([
  'content-type',
  'etag',
  'last-modified',
  'cache-control',
]);

/**
 * Records what the catalog's router writes to `res` and reports it once the
 * response ends: the body and the headers the router set, if it was a
 * complete 200 no larger than `maxBytes`; otherwise undefined (an error, a
 * 304, an aborted stream, a body too large to keep).
 *
 * The catalog writes single entities and facets with `res.json`, and entity
 * lists either with `res.json` or as raw strings through `res.write` and
 * `res.end` (`writeEntitiesResponse`); both end in `res.write`/`res.end`,
 * which is where this listens. Compression sits further out, so the bytes
 * seen here are the uncompressed JSON.
 */
export function captureAnswer(
  res: Response,
  options: {
    maxBytes: number;
    onEnd: (answer: CatalogAnswer | undefined) => void;
  },
) {
  const { maxBytes, onEnd } = options;
  const before = { ...res.getHeaders() };
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  let reported = false;
  const write = res.write;
  const end = res.end;

  const report = (answer: CatalogAnswer | undefined) => {
    if (reported) return;
    reported = true;
    res.write = write;
    res.end = end;
    onEnd(answer);
  };

  const collect = (chunk: unknown, encoding: unknown) => {
    if (tooLarge || chunk === undefined || chunk === null) return;
    if (typeof chunk === 'function') return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(
            chunk,
            typeof encoding === 'string'
              ? (encoding as BufferEncoding)
              : 'utf8',
          )
        : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) {
      tooLarge = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };

  res.write = function captureWrite(this: Response, ...args: unknown[]) {
    collect(args[0], args[1]);
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as Response['write'];
  res.end = function captureEnd(this: Response, ...args: unknown[]) {
    collect(args[0], args[1]);
    const complete = res.statusCode === 200 && !tooLarge;
    report(
      complete
        ? { body: Buffer.concat(chunks), headers: changedHeaders() }
        : undefined,
    );
    return (end as (...a: unknown[]) => Response).apply(this, args);
  } as Response['end'];
  res.once('close', () => report(undefined));

  function changedHeaders(): CatalogAnswer['headers'] {
    const headers: CatalogAnswer['headers'] = [];
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value === undefined || !CAPTURED.has(name)) continue;
      if (before[name] !== value) headers.push([name, value]);
    }
    return headers;
  }
}
