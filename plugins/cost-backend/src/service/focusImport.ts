import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  checkFocusHeader,
  describeFocusProblems,
  FOCUS_MANDATORY_COLUMNS,
  FOCUS_VERSION_COLUMNS,
  FOCUS_VERSIONS,
  FocusBillingRow,
  FocusRowProblem,
  FocusVersion,
  ImportResult,
  isFocusVersion,
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

export interface FocusReadOptions {
  gzip: boolean;
  maxBytes?: number;
  /** The FOCUS version the sender declares; else the file's own declaration or its columns. */
  focusVersion?: FocusVersion;
}

/** The version a file is read as, set once its header and first row are read. */
export interface FocusReadState {
  version?: FocusVersion;
}

/**
 * The version the first row declares in a version column, if any: a value
 * that is no supported version is a problem of that line.
 */
function declaredByRow(
  record: Record<string, string>,
  line: number,
  problems: FocusRowProblem[],
): FocusVersion | undefined {
  for (const column of FOCUS_VERSION_COLUMNS) {
    const value = record[column]?.trim();
    if (value) {
      if (isFocusVersion(value)) return value;
      problems.push({
        line,
        column,
        message: `${column} "${value}" is not a FOCUS version read here (${FOCUS_VERSIONS.join(
          ', ',
        )})`,
      });
    }
  }
  return undefined;
}

/**
 * Which versions make the missing columns mandatory, and how the version
 * was known. A version the file declares in a column is in its rows, not
 * read yet at line 1: then every version requiring the columns is named.
 */
function whyMandatory(
  header: string[],
  missing: string[],
  check: { version: FocusVersion; versionFrom: 'declared' | 'columns' },
): string {
  if (check.versionFrom === 'declared') {
    return `mandatory in FOCUS ${check.version}, as declared`;
  }
  const column = FOCUS_VERSION_COLUMNS.find(c =>
    header.some(h => h.trim() === c),
  );
  const versions = FOCUS_VERSIONS.filter(v =>
    missing.every(c => FOCUS_MANDATORY_COLUMNS[v].includes(c)),
  );
  return column && versions.length > 0
    ? `mandatory in FOCUS ${versions.join(', ')}, whichever ${column} declares`
    : `mandatory in FOCUS ${check.version}, read from the columns present`;
}

/**
 * Parses a FOCUS CSV stream (gzipped when `gzip` is set) into batches of
 * rows. Every problem is collected while the whole file is read; if there
 * was any, the iteration ends by throwing one InputError that lists them, so
 * a store transaction around it rolls back. Neither the bytes received nor
 * the bytes decompressed may exceed `maxBytes` (ImportTooLargeError).
 * `state.version` says which FOCUS version the file was read as.
 */
export async function* readFocusCsv(
  input: Readable,
  options: FocusReadOptions,
  state: FocusReadState = {},
): AsyncGenerator<FocusBillingRow[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const problems: FocusRowProblem[] = [];
  let problemCount = 0;
  let headerVersion: FocusVersion = options.focusVersion ?? '1.0';
  let versionFromFile = false;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    columns: (header: string[]) => {
      const check = checkFocusHeader(header, options.focusVersion);
      headerVersion = check.version;
      versionFromFile = !options.focusVersion;
      if (check.missing.length > 0) {
        throw new InputError(
          `Import rejected, nothing was changed: line 1: missing FOCUS columns ${check.missing.join(
            ', ',
          )} (${whyMandatory(header, check.missing, check)})`,
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
      if (!state.version) {
        const declared = versionFromFile
          ? declaredByRow(record, info.lines, problems)
          : undefined;
        state.version = declared ?? headerVersion;
        problemCount = problems.length;
      }
      const result = parseFocusRow(record, info.lines, state.version);
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
      `Import rejected, nothing was changed: ${problemCount} problem${
        problemCount === 1 ? '' : 's'
      } in a FOCUS ${state.version} file: ${describeFocusProblems(
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
  options: FocusReadOptions & { source: string },
): Promise<ImportResult> {
  const state: FocusReadState = {};
  const periods = await store.importCharges(
    readFocusCsv(input, options, state),
    options.source,
  );
  if (periods.length === 0) {
    throw new InputError('The file holds no charges');
  }
  return {
    rows: periods.reduce((s, p) => s + p.rows, 0),
    focusVersion: state.version ?? '1.0',
    periods,
  };
}

/**
 * Reads and drops what is left of a refused upload, up to `maxBytes` more,
 * and resolves once the body has ended (true) or was cut off (false).
 *
 * A server that answers while the client is still sending, and then closes
 * the connection, closes it with request bytes unread: the kernel then
 * sends a reset instead of a clean close, and the client loses the answer
 * (ECONNRESET, or EPIPE on its next write). Answering only after the body
 * has been read avoids that; past `maxBytes` the caller answers with
 * `Connection: close` rather than read without end.
 */
export function discardRequestBody(
  req: Readable & { complete?: boolean },
  maxBytes: number,
): Promise<boolean> {
  if (req.complete || req.readableEnded) {
    return Promise.resolve(true);
  }
  return new Promise(resolve => {
    let seen = 0;
    const listeners: Record<string, (chunk: Buffer) => void> = {};
    const done = (ended: boolean) => {
      for (const [event, listener] of Object.entries(listeners)) {
        req.off(event, listener);
      }
      resolve(ended);
    };
    listeners.data = chunk => {
      seen += chunk.length;
      if (seen > maxBytes) {
        req.pause();
        done(false);
      }
    };
    listeners.end = () => done(true);
    listeners.close = () => done(req.complete === true);
    for (const [event, listener] of Object.entries(listeners)) {
      req.on(event, listener);
    }
    req.resume();
  });
}
