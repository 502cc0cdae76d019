import { JsonObject, JsonValue } from '@backstage/types';

const REDACTED = '[redacted]';

// Field names whose values are secrets wherever they appear in an event.
const SECRET_KEY =
  /token|secret|passw(or)?d|authori[sz]ation|cookie|api[-_]?key|credential|private[-_]?key|session|signature|^code$/i;

// Secrets that can hide in free text: bearer tokens, JWTs, basic-auth URLs.
const SECRET_TEXT: Array<[RegExp, string]> = [
  [/\bBearer\s+[\w.~+/=-]+/gi, `Bearer ${REDACTED}`],
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, REDACTED],
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s:/@]+:[^\s/@]+@/gi, `$1${REDACTED}@`],
];

/** The longest meta (as JSON) kept per event; longer meta is replaced. */
export const MAX_META_CHARS = 16_384;
const MAX_TEXT_CHARS = 2_000;

export function redactText(text: string): string {
  const clean = SECRET_TEXT.reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    text,
  );
  return clean.length > MAX_TEXT_CHARS
    ? `${clean.slice(0, MAX_TEXT_CHARS)}…`
    : clean;
}

function redactValue(value: JsonValue | undefined): JsonValue {
  if (value === undefined) return null;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === 'object') return redactMeta(value);
  return value;
}

/** A copy of an event's meta with secret-looking fields and text removed. */
export function redactMeta(meta: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(meta).map(([key, value]) => [
      key,
      SECRET_KEY.test(key) ? REDACTED : redactValue(value),
    ]),
  );
}

/** Meta as stored: redacted, and bounded so one event cannot bloat the table. */
export function storableMeta(
  meta: JsonObject | undefined,
): JsonObject | undefined {
  if (!meta || Object.keys(meta).length === 0) return undefined;
  const clean = redactMeta(meta);
  const size = JSON.stringify(clean).length;
  return size > MAX_META_CHARS
    ? { truncated: true, originalChars: size, keys: Object.keys(clean) }
    : clean;
}

/** A request URL with the values of secret-looking query parameters removed. */
export function redactUrl(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  if (!query) return redactText(path);
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) {
    if (SECRET_KEY.test(key)) params.set(key, REDACTED);
  }
  return redactText(`${path}?${params.toString()}`);
}

const str = (value: JsonValue | undefined) =>
  typeof value === 'string' && value ? value : undefined;

/**
 * What an action was on, from the meta the plugins send: catalog entities
 * and locations, scaffolder templates and tasks, our plugins' references.
 */
export function targetOf(meta: JsonObject | undefined): string | undefined {
  if (!meta) return undefined;
  const location =
    meta.location && typeof meta.location === 'object'
      ? (meta.location as JsonObject)
      : undefined;
  const target =
    str(meta.target) ??
    str(meta.entityRef) ??
    str(meta.templateRef) ??
    str(location?.target) ??
    str(meta.resourceRef) ??
    (str(meta.taskId) && `task:${meta.taskId}`) ??
    (str(meta.uid) && `uid:${meta.uid}`) ??
    (str(meta.id) && `id:${meta.id}`);
  return target && redactText(target).slice(0, 1024);
}
