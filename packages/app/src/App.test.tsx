import { screen } from '@testing-library/react';
import { renderApp } from './__testUtils__/renderApp';

describe('the portal app in development', () => {
  it('offers guest sign-in and no single sign-on', async () => {
    renderApp(['guest']);
    expect(
      await screen.findByText('Enter as a Guest User.', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Gogidix SSO')).not.toBeInTheDocument();
  });
});
