// The few HTTP helpers the loaders share: bearer-token calls, JSON with
// the error body in the message, and polling with a deadline.

export async function call(
  baseUrl: string,
  token: string,
  method: string,
  route: string,
  body?: { type: string; data: string | Buffer },
): Promise<Response> {
  return fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': body.type } : {}),
    },
    ...(body ? { body: body.data } : {}),
  });
}

export async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) {
    throw new Error(
      `${what}: HTTP ${response.status} ${(await response.text()).slice(
        0,
        300,
      )}`,
    );
  }
  return (await response.json()) as T;
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what} did not happen within ${timeoutMs / 1000} s${
          last ? ` (last error: ${(last as Error).message})` : ''
        }`,
      );
    }
    await sleep(intervalMs);
  }
}
