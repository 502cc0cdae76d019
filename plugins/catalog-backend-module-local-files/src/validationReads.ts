import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the placeholder resolvers read while one validate-entity request is
 * processed. The catalog's policy errors quote the values they reject, and
 * a placeholder's value is file content, so the request's answer has these
 * removed before it is sent (see validateEntityGuard.ts).
 */
const reads = new AsyncLocalStorage<Set<string>>();

/** Strings shorter than this are left in answers: they say nothing secret. */
const MIN_REMEMBERED_LENGTH = 4;

/** Runs `fn` with its own record of what placeholders read. */
export function recordingReads<T>(fn: (read: Set<string>) => T): T {
  const read = new Set<string>();
  return reads.run(read, () => fn(read));
}

/** Called by the resolvers with each content they return. */
export function rememberReadContent(content: string): void {
  const store = reads.getStore();
  if (!store) return;
  for (const text of new Set([content, content.trim()])) {
    if (text.length >= MIN_REMEMBERED_LENGTH) store.add(text);
  }
}

/** A copy of `value` with every remembered read replaced in its strings. */
export function withoutReadContent<T>(value: T, read: Set<string>): T {
  // Longest first, so that a document is removed before the strings in it.
  const contents = [...read].sort((a, b) => b.length - a.length);
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return contents.reduce(
        (text, content) => text.split(content).join('[placeholder content]'),
        v,
      );
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([key, inner]) => [key, clean(inner)]),
      );
    }
    return v;
  };
  return clean(value) as T;
}
