import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { screen } from '@testing-library/react';
import { FetchErrorPanel, isNotAllowedError } from './FetchErrorPanel';

function responseError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

describe('isNotAllowedError', () => {
  it('knows a refusal of the policy, as response or as error', async () => {
    expect(
      isNotAllowedError(
        await responseError(403, 'NotAllowedError', 'Not allowed'),
      ),
    ).toBe(true);
    const thrown = new Error('no');
    thrown.name = 'NotAllowedError';
    expect(isNotAllowedError(thrown)).toBe(true);
  });

  it('takes other failures for what they are', async () => {
    expect(isNotAllowedError(await responseError(500, 'Error', 'broken'))).toBe(
      false,
    );
    expect(
      isNotAllowedError(await responseError(404, 'NotFoundError', 'gone')),
    ).toBe(false);
    expect(isNotAllowedError(new Error('Not allowed'))).toBe(false);
    expect(isNotAllowedError(undefined)).toBe(false);
    expect(isNotAllowedError('NotAllowedError')).toBe(false);
  });
});

describe('FetchErrorPanel', () => {
  it('shows the NotAllowed panel when the policy refused', async () => {
    await renderInTestApp(
      <FetchErrorPanel
        error={await responseError(403, 'NotAllowedError', 'raw reason')}
        title="Could not load the audit trail"
        notAllowed="The audit trail is for platform admins."
      />,
    );
    expect(screen.getByText(/Not allowed/)).toBeInTheDocument();
    expect(
      screen.getByText('The audit trail is for platform admins.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load the audit trail/),
    ).not.toBeInTheDocument();
  });

  it('shows any other failure as the error it is', async () => {
    await renderInTestApp(
      <FetchErrorPanel
        error={new Error('backend down')}
        title="Could not load the audit trail"
        notAllowed="The audit trail is for platform admins."
      />,
    );
    expect(
      screen.getByText(/Could not load the audit trail/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('The audit trail is for platform admins.'),
    ).not.toBeInTheDocument();
  });
});
