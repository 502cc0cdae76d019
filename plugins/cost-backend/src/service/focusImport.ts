import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  describeFocusProblems,
  FocusBillingRow,
  FocusRowProblem,
  ImportResult,
  missingFocusColumns,
  parseFocusRow,
} from '@gogidix/plugin-cost-common';
import { parse } from 'csv-parse';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DEFAULT_MAX_IMPORT_BYTES } from '../config';
import { CostStore } from '../database/CostStore';

const BATCH_SIZE = 2000;
// Enough to fix a file from; a file with a million bad rows need not say so a million times.
const MAX_REPORTED_PROBLEMS = 100;
// A FOCUS row is well under a kilobyte; the parser holds one record in memory.
const MAX_RECORD_BYTES = 1024 * 1024;

/** An import larger than gogidix.http.maxImportBytes; answered with 413. */
export class ImportTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Passes bytes on until more than `maxBytes` went through, then fails: a
 * body streamed without a length, or a gzip bomb, stops being read there.
 */
function byteLimit(maxBytes: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) {
        done(
          new ImportTooLargeError(
            `Import rejected, nothing was changed: the ${what} is larger than ${megabytes(
              maxBytes,
            )} (gogidix.http.maxImportBytes)`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
}

/**
 * Parses a FOCUS CSV stream (gzipped when `gzip` is set) into batches of
 * rows. Every problem is collected while the whole file is read; if there
 * was any, the iteration ends by throwing one InputError that lists them, so
 * a store transaction around it rolls back. Neither the bytes received nor
 * the bytes decompressed may exceed `maxBytes` (ImportTooLargeError).
 */
export async function* readFocusCsv(
  input: Readable,
  options: { gzip: boolean; maxBytes?: number },
): AsyncGenerator<FocusBillingRow[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const problems: FocusRowProblem[] = [];
  let problemCount = 0;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    columns: (header: string[]) => {
      const missing = missingFocusColumns(header);
      if (missing.length > 0) {
        throw new InputError(
          `line 1: missing FOCUS columns ${missing.join(', ')}`,
        );
      }
      return header.map(h => h.trim());
    },
    info: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const stages = [
    byteLimit(maxBytes, 'upload'),
    ...(options.gzip
      ? [createGunzip(), byteLimit(maxBytes, 'decompressed file')]
      : []),
  ];
  let source: Readable = input;
  for (const stage of stages) {
    stage.on('error', error => parser.destroy(error));
    source = source.pipe(stage);
  }
  source.pipe(parser);

  let batch: FocusBillingRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      const result = parseFocusRow(record, info.lines);
      if (!result.ok) {
        problemCount += result.problems.length;
        problems.push(
          ...result.problems.slice(0, MAX_REPORTED_PROBLEMS - problems.length),
        );
        continue;
      }
      if (problemCount > 0) {
        // Stop storing once the import is known to fail; keep reading to report.
        continue;
      }
      batch.push(result.row);
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ImportTooLargeError) {
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`The file is not a readable FOCUS CSV: ${message}`);
  } finally {
    // Stop reading and decompressing at the first problem.
    input.unpipe();
    for (const stage of stages) stage.destroy();
  }
  if (problemCount > 0) {
    const more =
      problemCount > problems.length
        ? ` (and ${problemCount - problems.length} more)`
        : '';
    throw new InputError(
      `Import rejected, nothing was changed: ${describeFocusProblems(
        problems,
      )}${more}`,
    );
  }
  if (batch.length > 0) {
    yield batch;
  }
}

/** Imports one FOCUS file: all of it, or (on any problem) none of it. */
export async function importFocusCsv(
  store: CostStore,
  input: Readable,
  options: { gzip: boolean; maxBytes?: number; source: string },
): Promise<ImportResult> {
  const periods = await store.importCharges(
    readFocusCsv(input, options),
    options.source,
  );
  if (periods.length === 0) {
    throw new InputError('The file holds no charges');
  }
  return { rows: periods.reduce((s, p) => s + p.rows, 0), periods };
}
