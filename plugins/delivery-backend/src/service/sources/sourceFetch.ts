import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';

/** How much of a failed answer's body the server log keeps. */
const LOGGED_BODY_CHARS = 200;

/** One source as its clients call it: where, how long to wait, which credential. */
export interface SourceEndpoint {
  /** How errors name the source, e.g. `GitHub at https://api.github.com`. */
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The config key of the credential, named when it is refused. */
  credential: string;
  logger: LoggerService;
}

/** A JSON answer with the headers that carry pagination. */
export interface SourcePage<T> {
  body: T;
  headers: Headers;
}

/**
 * GETs a JSON page from a source with a deadline. Any failure becomes a
 * ServiceUnavailableError naming the source, the status and what to check;
 * the source's own answer goes only to the server log, cut short and with
 * the credential blanked, as it may echo what was sent.
 */
export async function fetchSourcePage<T>(
  endpoint: SourceEndpoint,
  pathOrUrl: string,
): Promise<SourcePage<T>> {
  const url = /^https?:\/\//.test(pathOrUrl)
    ? pathOrUrl
    : `${endpoint.baseUrl}${pathOrUrl}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: endpoint.headers,
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${endpoint.timeoutMs} ms`
        : (error as Error).message;
    throw new ServiceUnavailableError(
      `${endpoint.name} is unreachable: ${reason}`,
    );
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    endpoint.logger.warn(
      `${endpoint.name} answered ${response.status}: ${redact(text, endpoint)}`,
    );
    throw new ServiceUnavailableError(
      `${endpoint.name} answered ${response.status} ${response.statusText}: ${
        response.status === 401 || response.status === 403
          ? `the credential was refused; check ${endpoint.credential} and what it may read`
          : 'the server log has the answer'
      }`,
    );
  }
  try {
    return { body: JSON.parse(text) as T, headers: response.headers };
  } catch {
    endpoint.logger.warn(
      `${endpoint.name} answered with invalid JSON: ${redact(text, endpoint)}`,
    );
    throw new ServiceUnavailableError(
      `${endpoint.name} answered with something that is not JSON: check that its address points at the API`,
    );
  }
}

/** The body with every credential header value (and its last word) blanked. */
function redact(body: string, endpoint: SourceEndpoint): string {
  const secrets = Object.entries(endpoint.headers)
    .filter(([name]) => !/^(accept|content-type|user-agent)$/i.test(name))
    .flatMap(([, value]) => [value, value.split(/[\s=]+/).pop() ?? ''])
    .filter(part => part.length >= 4)
    .sort((a, b) => b.length - a.length);
  const blanked = secrets.reduce(
    (text, secret) => text.split(secret).join('[redacted]'),
    body,
  );
  return blanked.length > LOGGED_BODY_CHARS
    ? `${blanked.slice(0, LOGGED_BODY_CHARS)}…`
    : blanked;
}

/** The `rel="next"` URL of an RFC 8288 `Link` header (GitHub's pagination). */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (match && match[2].split(/\s+/).includes('next')) {
      return match[1];
    }
  }
  return undefined;
}
