import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';

/** How much of a failed answer's body the server log keeps. */
const LOGGED_BODY_CHARS = 200;

/**
 * Fetches from an outside source with a deadline. Any failure (down, slow,
 * refused credentials, bad answer) becomes a ServiceUnavailableError that
 * names the source, the HTTP status and what to check, which the card shows
 * as it is. The source's own answer is never shown: it may echo the
 * credential sent. It goes to the server log, cut short and with the
 * credential blanked.
 */
export async function fetchSourceJson<T>(
  source: string,
  url: string,
  init: {
    headers?: Record<string, string>;
    timeoutMs: number;
    logger: LoggerService;
    /** Where the credential is configured, for a 401 or 403. */
    credential: string;
    /** Statuses that mean "nothing here" rather than a failure. */
    emptyOn?: { status: number; value: T };
  },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: init.headers,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${init.timeoutMs} ms`
        : describeNetworkError(error as Error);
    throw new ServiceUnavailableError(`${source} is unreachable: ${reason}`);
  }
  if (init.emptyOn && response.status === init.emptyOn.status) {
    return init.emptyOn.value;
  }
  const secrets = credentialsIn(init.headers);
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    init.logger.warn(
      `${source} answered ${response.status}: ${redact(body, secrets)}`,
    );
    throw new ServiceUnavailableError(
      `${source} answered ${response.status} ${
        response.statusText
      }: ${whatToCheck(response.status, init.credential)}`,
    );
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    init.logger.warn(
      `${source} answered ${response.status} with invalid JSON: ${redact(
        text,
        secrets,
      )}`,
    );
    throw new ServiceUnavailableError(
      `${source} answered ${response.status} with something that is not JSON: check that its address points at the API, not a login page or proxy`,
    );
  }
}

/** What a person can check for each kind of failed answer. */
export function whatToCheck(status: number, credential: string): string {
  if (status === 401 || status === 403) {
    return `the credential was refused; check ${credential} and what it may read`;
  }
  if (status === 404) {
    return 'check that the configured address points at the API';
  }
  if (status === 429) {
    return 'too many requests; the card tries again on the next load';
  }
  if (status >= 500) {
    return 'the source is failing; check its health';
  }
  return 'the request was refused; the server log has the answer';
}

/** Header values and their parts (`Bearer x`, `Token token=x`). */
function credentialsIn(headers: Record<string, string> = {}): string[] {
  return Object.entries(headers)
    .filter(([name]) => !/^(accept|content-type)$/i.test(name))
    .flatMap(([, value]) => [value, value.split(/[\s=]+/).pop() ?? ''])
    .filter(part => part.length >= 4)
    .sort((a, b) => b.length - a.length);
}

function redact(body: string, secrets: string[]): string {
  const blanked = secrets.reduce(
    (text, secret) => text.split(secret).join('[redacted]'),
    body,
  );
  return blanked.length > LOGGED_BODY_CHARS
    ? `${blanked.slice(0, LOGGED_BODY_CHARS)}…`
    : blanked;
}

function describeNetworkError(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}
