// Typed access to fields of a parsed YAML document; each failure names its path.

export type Json = Record<string, unknown>;

/** Raised inside the resolver; caught per SLO so one bad SLO spoils nothing else. */
export class FieldProblem extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

/**
 * A metric source the portal cannot query (not Prometheus). Not an error in
 * the document: the SLO is reported as not queryable, with this reason.
 */
export class UnsupportedDataSource extends Error {
  constructor(readonly path: string, readonly dataSourceType: string) {
    super(
      `data source type ${dataSourceType} is not supported; only Prometheus`,
    );
  }
}

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function field(obj: Json, key: string, path: string): unknown {
  const value = obj[key];
  if (value === undefined || value === null) {
    throw new FieldProblem(path, 'is required');
  }
  return value;
}

export function objectAt(obj: Json, key: string, path: string): Json {
  const value = field(obj, key, path);
  if (!isObject(value)) throw new FieldProblem(path, 'must be an object');
  return value;
}

export function stringAt(obj: Json, key: string, path: string): string {
  const value = field(obj, key, path);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new FieldProblem(path, 'must be a non-empty string');
  }
  return value;
}
