import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { NotAllowed } from './NotAllowed';

describe('NotAllowed', () => {
  it('says who the data is for, titled "Not allowed" unless told, unfolded', async () => {
    await renderInTestApp(<NotAllowed message="For on-call engineers." />);
    const panel = screen.getByRole('status');
    expect(panel).toHaveTextContent(/^Not allowedFor on-call engineers\.$/);
    expect(screen.getByText('Not allowed')).toBeVisible();
    expect(screen.getByText('For on-call engineers.')).toBeVisible();
    expect(screen.getByTestId('LockOutlinedIcon')).toBeInTheDocument();
  });

  it('is no error: neither an alert role nor the word "error"', async () => {
    await renderInTestApp(<NotAllowed message="For platform admins." />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('not-allowed')).not.toHaveTextContent(/error/i);
  });

  it('takes another title', async () => {
    await renderInTestApp(
      <NotAllowed title="Platform admins only" message="The audit trail." />,
    );
    expect(screen.getByText('Platform admins only')).toBeVisible();
    expect(screen.queryByText(/Not allowed/)).not.toBeInTheDocument();
  });
});
