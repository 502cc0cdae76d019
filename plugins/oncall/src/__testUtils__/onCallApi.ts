import { ResponseError } from '@backstage/errors';
import { OnCallApi } from '@gogidix/plugin-oncall-common';

/** An OnCallApi whose every method is a jest mock, to set per test. */
export function mockOnCallApi(): jest.Mocked<OnCallApi> {
  return {
    listRunbooks: jest.fn(),
    getRunbook: jest.fn(),
    firingAlerts: jest.fn(),
    serviceOnCall: jest.fn(),
    grafana: jest.fn(),
    vaultSecrets: jest.fn(),
  };
}

/** The error the client throws for a backend error answer. */
export function backendError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name, message },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    status,
    statusText: name,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => body,
  } as Response);
}

/** A promise that never settles, to see the loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
