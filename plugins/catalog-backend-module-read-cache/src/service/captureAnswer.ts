import { Response } from 'express';
import { CatalogAnswer } from './CatalogReadCache';

/** Headers that belong to the connection or the caller, never to an answer. */
const NOT_CAPTURED = new Set(['set-cookie', 'date', 'connection']);

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
    /** Headers not to capture because this module set them. */
    ownHeaders: string[];
    onEnd: (answer: CatalogAnswer | undefined) => void;
  },
) {
  const { maxBytes, onEnd } = options;
  const skip = new Set([...NOT_CAPTURED, ...options.ownHeaders]);
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
      if (value === undefined || skip.has(name)) continue;
      if (before[name] !== value) headers.push([name, value]);
    }
    return headers;
  }
}
