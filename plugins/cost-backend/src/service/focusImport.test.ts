import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { FOCUS_HEADER, focusCsv, focusRow } from '@gogidix/test-kit';
import { gzipBomb } from '../__testUtils__/gzipBomb';
import {
  discardRequestBody,
  FocusReadState,
  readFocusCsv,
} from './focusImport';

const MiB = 1024 * 1024;

// Counts what the decompressor puts out.
const decompressed = { bytes: 0 };
jest.mock('node:zlib', () => {
  const zlib = jest.requireActual('node:zlib');
  return {
    ...zlib,
    createGunzip: (options?: object) => {
      const gunzip = zlib.createGunzip(options);
      gunzip.on('data', (chunk: Buffer) => {
        decompressed.bytes += chunk.length;
      });
      return gunzip;
    },
  };
});

/** The file in small pieces, counting how many bytes were read from it. */
function countedSource(file: Buffer) {
  const read = { bytes: 0 };
  async function* pieces() {
    for (let at = 0; at < file.length; at += 4096) {
      const piece = file.subarray(at, at + 4096);
      read.bytes += piece.length;
      yield piece;
    }
  }
  return { stream: Readable.from(pieces()), read };
}

async function rowsOf(source: Readable, gzip: boolean, maxBytes: number) {
  let rows = 0;
  for await (const batch of readFocusCsv(source, { gzip, maxBytes })) {
    rows += batch.length;
  }
  return rows;
}

describe('readFocusCsv', () => {
  it('stops decompressing a gzip bomb at the import limit', async () => {
    const bomb = gzipBomb(128);
    const { stream, read } = countedSource(bomb);
    await expect(rowsOf(stream, true, MiB)).rejects.toMatchObject({
      name: 'PayloadTooLargeError',
      statusCode: 413,
      message:
        'Import rejected, nothing was changed: the decompressed file is larger than 1.0 MB (gogidix.http.maxImportBytes)',
    });
    // It stopped after the first MiB of 128 (and what was in its buffers),
    // and the rest of the file was never read.
    expect(decompressed.bytes).toBeGreaterThan(MiB);
    expect(decompressed.bytes).toBeLessThan(4 * MiB);
    expect(read.bytes).toBeLessThan(bomb.length / 2);
  });

  it('refuses an upload over the limit before decompressing it', async () => {
    const csv = Buffer.from(
      focusCsv(Array.from({ length: 20_000 }, () => focusRow())),
    );
    expect(csv.length).toBeGreaterThan(2 * MiB);
    await expect(
      rowsOf(countedSource(csv).stream, false, MiB),
    ).rejects.toMatchObject({
      statusCode: 413,
      message:
        'Import rejected, nothing was changed: the upload is larger than 1.0 MB (gogidix.http.maxImportBytes)',
    });
  });

  it('reads a gzip file within the limit', async () => {
    const csv = focusCsv([focusRow(), focusRow({ ResourceId: 'i-2' })]);
    expect(await rowsOf(Readable.from([gzipSync(csv)]), true, MiB)).toBe(2);
  });

  it('refuses a record longer than a FOCUS row can be, without holding it', async () => {
    const csv = `${focusCsv([])}\n${'x'.repeat(2 * MiB)}`;
    await expect(
      rowsOf(Readable.from([Buffer.from(csv)]), false, 10 * MiB),
    ).rejects.toThrow(/not a readable FOCUS CSV: Max Record Size/);
  });

  const WITH_VERSION = [...FOCUS_HEADER, 'x_FocusVersion'];
  it.each([
    ['columns of 1.0 only', focusCsv([focusRow()]), undefined, '1.0'],
    [
      'a 1.2 column',
      focusCsv(
        [focusRow({ InvoiceId: 'INV-1' }, [...FOCUS_HEADER, 'InvoiceId'])],
        [...FOCUS_HEADER, 'InvoiceId'],
      ),
      undefined,
      '1.2',
    ],
    [
      'the file declaring 1.1',
      focusCsv(
        [focusRow({ x_FocusVersion: '1.1' }, WITH_VERSION)],
        WITH_VERSION,
      ),
      undefined,
      '1.1',
    ],
    ['the sender declaring 1.2', focusCsv([focusRow()]), '1.2', '1.2'],
  ] as const)(
    'reads a file as the version of %s',
    async (_, csv, declared, version) => {
      const state: FocusReadState = {};
      for await (const batch of readFocusCsv(
        Readable.from([Buffer.from(csv)]),
        { gzip: false, focusVersion: declared },
        state,
      )) {
        expect(batch).toHaveLength(1);
      }
      expect(state.version).toBe(version);
    },
  );

  // The version column is in the rows, after line 1: the missing column is
  // named with every version that requires it, not the one the columns show.
  it.each([
    ['x_FocusVersion', '1.1'],
    ['FocusVersion', '1.2'],
  ])(
    'refuses a file declaring its version in %s without ChargeClass, naming the versions requiring it',
    async (column, version) => {
      const header = [...FOCUS_HEADER.filter(c => c !== 'ChargeClass'), column];
      const csv = focusCsv([focusRow({ [column]: version }, header)], header);
      const read = async () => {
        for await (const batch of readFocusCsv(
          Readable.from([Buffer.from(csv)]),
          { gzip: false },
        )) {
          expect(batch).toEqual([]);
        }
      };
      await expect(read()).rejects.toThrow(
        `Import rejected, nothing was changed: line 1: missing FOCUS columns ChargeClass (mandatory in FOCUS 1.0, 1.1, 1.2, whichever ${column} declares)`,
      );
    },
  );

  it('refuses a file whose rows contradict the version the sender declared', async () => {
    const csv = focusCsv(
      [focusRow({ x_FocusVersion: '1.0' }, WITH_VERSION)],
      WITH_VERSION,
    );
    const read = async () => {
      let rows = 0;
      for await (const batch of readFocusCsv(
        Readable.from([Buffer.from(csv)]),
        { gzip: false, focusVersion: '1.2' },
      )) {
        rows += batch.length;
      }
      return rows;
    };
    await expect(read()).rejects.toThrow(
      'line 2: x_FocusVersion "1.0" differs from the file\'s FOCUS version 1.2',
    );
  });
});

describe('discardRequestBody', () => {
  it.each([
    // [bytes left in the body, bytes it may drop, ended]
    [0, 10, true],
    [10, 10, true],
    [11, 10, false],
    [5000, 1000, false],
  ])('%d bytes left, %d allowed: ended %s', async (left, allowed, ended) => {
    const chunks = Array.from({ length: Math.ceil(left / 100) }, (_, i) =>
      Buffer.alloc(Math.min(100, left - i * 100)),
    );
    const body = Readable.from(chunks);
    await expect(discardRequestBody(body, allowed)).resolves.toBe(ended);
  });

  it('says a body the client abandoned did not end', async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.alloc(5));
    const discarded = discardRequestBody(body, 100);
    body.destroy();
    await expect(discarded).resolves.toBe(false);
  });
});
