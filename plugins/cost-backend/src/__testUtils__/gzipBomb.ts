import { gzipSync } from 'node:zlib';
import { focusCsv, focusRow } from '@gogidix/test-kit';

/**
 * A gzip file that expands to `mebibytes` MiB of valid FOCUS rows: one
 * member holding a MiB of rows, repeated (gunzip reads concatenated members
 * as one stream), so it is built without holding the expanded file.
 */
export function gzipBomb(mebibytes: number): Buffer {
  const row = `${focusRow()}\n`;
  const mebibyteOfRows = row.repeat(Math.ceil((1024 * 1024) / row.length));
  const member = gzipSync(mebibyteOfRows, { level: 9 });
  return Buffer.concat([
    gzipSync(`${focusCsv([])}\n`),
    ...Array.from({ length: mebibytes }, () => member),
  ]);
}
