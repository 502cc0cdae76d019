import { screen } from '@testing-library/react';
import { renderApp } from './__testUtils__/renderApp';

describe('the portal app in production', () => {
  it('offers only single sign-on', async () => {
    // The page first tries to resume a session; here there is no backend.
    jest
      .spyOn(global, 'fetch')
      .mockRejectedValue(new TypeError('Failed to fetch'));
    renderApp(['oidc']);
    expect(
      await screen.findByText('Sign in with your Gogidix account'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
  });
});
