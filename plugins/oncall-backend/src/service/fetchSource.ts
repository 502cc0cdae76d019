import { ServiceUnavailableError } from '@backstage/errors';

/**
 * Fetches from an outside source with a deadline. Any failure (down, slow,
 * refused credentials, bad answer) becomes a ServiceUnavailableError that
 * names the source and the reason, which the card shows as it is.
 */
export async function fetchSourceJson<T>(
  source: string,
  url: string,
  init: {
    headers?: Record<string, string>;
    timeoutMs: number;
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
  if (!response.ok) {
    const body = (await response.text()).slice(0, 200);
    throw new ServiceUnavailableError(
      `${source} answered ${response.status} ${response.statusText}${
        body ? `: ${body}` : ''
      }`,
    );
  }
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw new ServiceUnavailableError(
      `${source} answered with invalid JSON: ${(error as Error).message}`,
    );
  }
}

function describeNetworkError(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}
